package dev.kiln.migrations.dialect.sqlite;

import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.Ordering;
import dev.kiln.migrations.schema.TextMatch;

/**
 * SQLite's conditions: decimal text compared through {@code kiln_decimal_cmp} where doubles could
 * disagree, text matched with {@code instr} and {@code GLOB} (see {@link Ordering} and
 * {@link TextMatch}, which hold SQLite's forms), key lists unpacked by {@code json_each}.
 */
public final class SqliteDialect implements SqlDialect {

  @Override
  public String id() {
    return "sqlite";
  }

  @Override
  public String wrap(Ordering ordering, String expression) {
    return ordering.wrap(expression);
  }

  @Override
  public String compare(Ordering ordering, String column, String operator) {
    return ordering.compare(column, operator);
  }

  @Override
  public String between(Ordering ordering, String column) {
    return ordering.between(column);
  }

  /** SQLite already sorts nulls first when ascending. */
  @Override
  public String orderBy(Ordering ordering, String column, boolean descending) {
    return ordering.orderBy(column, descending);
  }

  @Override
  public String textMatch(TextMatch match, String column, boolean ignoreCase) {
    return match.sql(column, ignoreCase);
  }

  @Override
  public String textArgument(TextMatch match, String value) {
    return match.argument(value);
  }

  /** SQLite's {@code lower()} folds ASCII letters only. */
  @Override
  public String foldCase(String expression) {
    return "lower(" + expression + ")";
  }

  /** The values travel as one JSON array. */
  @Override
  public String inBoundList(String expression, boolean negated) {
    return expression + (negated ? " NOT IN" : " IN") + " (SELECT value FROM json_each(?))";
  }
}
