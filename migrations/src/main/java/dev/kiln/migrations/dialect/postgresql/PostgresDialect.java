package dev.kiln.migrations.dialect.postgresql;

import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.Ordering;
import dev.kiln.migrations.schema.TextMatch;

/**
 * PostgreSQL's conditions, written to mean what SQLite's do.
 *
 * <p>Implementation notes: decimals are {@code numeric} and date-times their native types, so
 * they compare as they are; an {@code OffsetDateTime} is Kiln's date-time text (see
 * {@code LogicalType.OFFSET_DATE_TIME}) and compares by the instant it denotes, rebuilt as text
 * in UTC followed by the stored fraction, as on SQLite. Text columns are declared
 * {@code COLLATE "C"}, so comparisons and sorting go by code point as Java's and SQLite's do,
 * whatever the database's locale. {@code IgnoreCase} folds ASCII letters only, with
 * {@code translate}, because SQLite's {@code lower()} does exactly that and PostgreSQL's would
 * also fold {@code É}. {@code LIKE} is PostgreSQL's own (case-sensitive, {@code \} escapes).
 * Nulls sort first when ascending and last when descending, SQLite's order.
 */
public final class PostgresDialect implements SqlDialect {

  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  @Override
  public String id() {
    return "postgresql";
  }

  @Override
  public String wrap(Ordering ordering, String expression) {
    if (ordering != Ordering.OFFSET_DATE_TIME) {
      return expression;
    }
    // Parenthesised whole: BETWEEN's bounds cannot carry a bare COLLATE.
    return "((to_char(left(" + expression + ", 19)::timestamp - substr(" + expression
        + ", 30)::interval, 'YYYY-MM-DD HH24:MI:SS') || substr(" + expression
        + ", 20, 10)) COLLATE \"C\")";
  }

  /** {@code numeric} aggregates are exact. */
  @Override
  public String aggregate(String function, Ordering ordering, String argument) {
    return function.equals("count_distinct") ? "count(DISTINCT " + argument + ")"
        : function + "(" + argument + ")";
  }

  /** {@code numeric} arithmetic is exact. */
  @Override
  public String arithmetic(Ordering ordering, String column, char operator) {
    return column + " " + operator + " ?";
  }

  @Override
  public String compare(Ordering ordering, String column, String operator) {
    return wrap(ordering, column) + " " + operator + " " + wrap(ordering, "?");
  }

  @Override
  public String between(Ordering ordering, String column) {
    return wrap(ordering, column) + " BETWEEN " + wrap(ordering, "?") + " AND "
        + wrap(ordering, "?");
  }

  /**
   * Nulls where SQLite puts them, first ascending and last descending — which is not where a
   * PostgreSQL B-tree index puts them, so the NULLS clause is written only for a column that may
   * hold NULL: for the others an index can serve the sort, forward or backward.
   */
  @Override
  public String orderBy(Ordering ordering, String column, boolean descending, boolean nullable) {
    return wrap(ordering, column) + (descending ? " DESC" : "")
        + (!nullable ? "" : descending ? " NULLS LAST" : " NULLS FIRST");
  }

  @Override
  public String textMatch(TextMatch match, String column, boolean ignoreCase) {
    String c = ignoreCase ? foldCase(column) : column;
    String v = ignoreCase ? foldCase("?") : "?";
    return switch (match) {
      case CONTAINS -> "strpos(" + c + ", " + v + ") > 0";
      // A range an index on the column can seek, beside the exact test; its end (the second and
      // third placeholders) is bound as null where the range has none.
      case STARTS_WITH -> ignoreCase ? "starts_with(" + c + ", " + v + ")"
          : "(" + c + " >= ? AND (?::text IS NULL OR " + c + " < ?) AND starts_with(" + c
              + ", ?))";
      case ENDS_WITH -> "right(" + c + ", length(" + v + ")) = " + v;
      case LIKE -> c + " LIKE " + v;
      case NOT_LIKE -> c + " NOT LIKE " + v;
    };
  }

  @Override
  public boolean takesPrefixEnd(TextMatch match, int use) {
    return match == TextMatch.STARTS_WITH && (use == 1 || use == 2);
  }

  /** PostgreSQL's {@code LIKE} takes the pattern as written. */
  @Override
  public String textArgument(TextMatch match, String value) {
    return value;
  }

  @Override
  public String foldCase(String expression) {
    return "translate(" + expression + ", '" + UPPER + "', '"
        + UPPER.toLowerCase(java.util.Locale.ROOT) + "')";
  }

  /** The values travel as one array. */
  @Override
  public String inBoundList(String expression, boolean negated) {
    return negated ? expression + " <> ALL(?)" : expression + " = ANY(?)";
  }
}
