package dev.kiln.processor.dao;

import static dev.kiln.migrations.schema.SqliteDdl.quote;

import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.processor.dao.DerivedName.Condition;
import dev.kiln.processor.model.PropertyModel;

/**
 * A derived finder's conditions in PostgreSQL's SQL, meaning what SQLite's do (see
 * {@code PostgresDialect}).
 *
 * <p>Implementation notes: a {@code StartingWith} (without {@code IgnoreCase}) binds its
 * parameter four times, the end of its range as {@code TextBounds.prefixEnd} of it
 * ({@link SqlDialect#takesPrefixEnd}).
 *
 * <p>{@code IgnoreCase} folds ASCII letters on both sides, where SQLite
 * puts {@code COLLATE NOCASE} on the column. A collection is bound as the elements of an
 * {@code ARRAY[…]} cast to the column's type, so that an empty collection is an empty array of
 * that type: {@code = ANY} of it matches nothing and its negation every row, as {@code IN ()} and
 * {@code NOT IN ()} do on SQLite.
 */
final class PostgresConditions {

  /** Must equal the runtime's {@code ARRAY_MARKER}, which expands it. */
  static final String ARRAY_MARKER = "/*array*/?";

  private PostgresConditions() {}

  static String condition(SqlDialect dialect, Condition condition, PropertyModel p) {
    String column = quote(p.column());
    boolean fold = condition.ignoreCase();
    String left = fold ? dialect.foldCase(column) : column;
    String right = fold ? dialect.foldCase("?") : "?";
    var ordering = p.kind().ordering();
    return switch (condition.operator()) {
      case EQUALS, NOT, LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL -> fold
          ? left + " " + DerivedMethodParser.comparison(condition.operator()) + " " + right
          : dialect.compare(ordering, column,
              DerivedMethodParser.comparison(condition.operator()));
      case BETWEEN -> fold ? left + " BETWEEN " + right + " AND " + right
          : dialect.between(ordering, column);
      case IN -> in(dialect, p, left, fold, false);
      case NOT_IN -> in(dialect, p, left, fold, true);
      case IS_NULL -> column + " IS NULL";
      case IS_NOT_NULL -> column + " IS NOT NULL";
      case LIKE, NOT_LIKE, STARTING_WITH, ENDING_WITH, CONTAINING -> dialect.textMatch(
          DerivedMethodParser.textMatch(condition.operator()), column, fold);
      case TRUE -> column + " = TRUE";
      case FALSE -> column + " = FALSE";
    };
  }

  private static String in(SqlDialect dialect, PropertyModel p, String left, boolean fold,
      boolean negated) {
    String type = PostgresDdl.bareType(p.kind().logicalType());
    String array = "ARRAY[" + ARRAY_MARKER + "]::" + type + "[]";
    if (fold) {
      return left + (negated ? " NOT IN" : " IN") + " (SELECT " + dialect.foldCase("v")
          + " FROM unnest(" + array + ") AS v)";
    }
    return negated ? "NOT (" + left + " = ANY(" + array + "))" : left + " = ANY(" + array + ")";
  }
}
