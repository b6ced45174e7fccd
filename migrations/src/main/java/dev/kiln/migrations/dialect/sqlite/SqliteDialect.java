package dev.kiln.migrations.dialect.sqlite;

import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.Ordering;
import dev.kiln.migrations.schema.TextMatch;

/**
 * SQLite's conditions, written to mean what Java's comparisons mean.
 *
 * <p>Implementation notes on decimals: they are exact decimal text. {@code CAST(x AS REAL)}
 * compares fast but as a double, exact to about 15 significant digits, and
 * {@code kiln_decimal_cmp} (see {@code DecimalFunctions}) is exact but a call into Java for each
 * row (measured: 8× the cost of the cast over 100,000 rows). So a comparison asks the doubles
 * first and the exact function only when the doubles lie within a relative 10⁻¹² of each other —
 * far wider than any rounding of the conversion — where they could disagree with the exact
 * order: equal values, and neighbours 40 digits long. Over 100,000 rows that costs about 30% more
 * than the cast alone. Each comparison also bounds the double by the edge of that band, a term
 * an index on {@code CAST(column AS REAL)} (what {@code @Index} makes of a decimal column)
 * serves, so that a comparison seeks instead of scanning. Ordering sorts by the double, then
 * breaks ties with the {@code kiln_decimal} collation.
 *
 * <p>On text: SQLite's {@code LIKE} ignores the case of ASCII letters and, like {@code GLOB},
 * stops at a NUL; {@code instr} compares the whole text exactly, and an ending is compared as
 * bytes (UTF-8, so byte equality is text equality). A {@code LIKE} pattern — the one search that
 * takes wildcards — runs as a {@code GLOB} ({@link #glob}), which is case-sensitive as
 * PostgreSQL's {@code LIKE} is. With {@code IgnoreCase}, both sides go through {@code lower()},
 * which on SQLite folds ASCII letters only. Key lists are one JSON array, unpacked by
 * {@code json_each}. SQLite already sorts nulls first when ascending.
 */
public final class SqliteDialect implements SqlDialect {

  @Override
  public String id() {
    return "sqlite";
  }

  @Override
  public String wrap(Ordering ordering, String expression) {
    return switch (ordering) {
      case NATIVE -> expression;
      case NUMERIC_TEXT -> "CAST(" + expression + " AS NUMERIC)";
      case OFFSET_DATE_TIME -> "(strftime('%Y-%m-%d %H:%M:%S', " + expression + ") || substr("
          + expression + ", 20, 10))";
    };
  }

  /** Decimal text through Kiln's exact functions and collation. */
  @Override
  public String aggregate(String function, Ordering ordering, String argument) {
    boolean decimal = ordering == Ordering.NUMERIC_TEXT;
    return switch (function) {
      case "count_distinct" -> "count(DISTINCT " + argument
          + (decimal ? " COLLATE kiln_decimal)" : ")");
      case "sum", "avg" -> decimal ? "kiln_decimal_" + function + "(" + argument + ")"
          : function + "(" + argument + ")";
      case "min", "max" -> function + "(" + argument + (decimal ? " COLLATE kiln_decimal)" : ")");
      default -> function + "(" + argument + ")";
    };
  }

  /** SQLite's exact sum is {@code kiln_decimal_sum}, a Java function called once a row. */
  @Override
  public boolean sumsDecimalsInJava() {
    return true;
  }

  /** Decimal text through Kiln's exact functions; SQLite's own arithmetic would use doubles. */
  @Override
  public String arithmetic(Ordering ordering, String column, char operator) {
    if (ordering == Ordering.NUMERIC_TEXT) {
      return (operator == '+' ? "kiln_decimal_add(" : "kiln_decimal_mul(") + column + ", ?)";
    }
    return column + " " + operator + " ?";
  }

  @Override
  public String compare(Ordering ordering, String column, String operator) {
    if (ordering != Ordering.NUMERIC_TEXT) {
      return wrap(ordering, column) + " " + operator + " " + wrap(ordering, "?");
    }
    // As doubles: integer arithmetic on the margin could overflow (abs of the smallest long).
    String a = "CAST(" + column + " AS REAL)";
    String b = "CAST(? AS REAL)";
    String exact = "kiln_decimal_cmp(" + column + ", ?)";
    // The band where the doubles cannot be trusted, b ± 10⁻¹²·|b|, with its edges written as
    // products, not sums, so that an infinite value stays infinite instead of becoming NULL.
    // Inside it the exact function decides; outside, the doubles. The bare comparison of the
    // column's double with an edge comes first: an index on CAST(column AS REAL) seeks by it.
    String lower = "(CASE WHEN " + b + " >= 0 THEN " + b + " * (1 - 1e-12) ELSE " + b
        + " * (1 + 1e-12) END)";
    String upper = "(CASE WHEN " + b + " >= 0 THEN " + b + " * (1 + 1e-12) ELSE " + b
        + " * (1 - 1e-12) END)";
    return switch (operator) {
      case "=" -> "(" + a + " BETWEEN " + lower + " AND " + upper + " AND " + exact + " = 0)";
      case "<>" -> "NOT (" + a + " BETWEEN " + lower + " AND " + upper + " AND " + exact
          + " = 0)";
      case "<", "<=" -> "(" + likely(a + " <= " + upper) + " AND (" + a + " < " + lower + " OR "
          + exact + " " + operator + " 0))";
      case ">", ">=" -> "(" + likely(a + " >= " + lower) + " AND (" + a + " > " + upper + " OR "
          + exact + " " + operator + " 0))";
      default -> throw new IllegalArgumentException("not a comparison: " + operator);
    };
  }

  /**
   * {@code range}, a one-sided bound, told to the planner as selective (one row in 16): left
   * to its own guess, a quarter of the rows, SQLite prefers scanning the table in key order to
   * seeking the index and sorting what it found — as a plan check of {@code findByPriceLessThan}
   * showed. Only the planner's estimate changes; the condition is the same.
   */
  private static String likely(String range) {
    return "likelihood(" + range + ", 0.0625)";
  }

  @Override
  public String between(Ordering ordering, String column) {
    if (ordering != Ordering.NUMERIC_TEXT) {
      return wrap(ordering, column) + " BETWEEN " + wrap(ordering, "?") + " AND "
          + wrap(ordering, "?");
    }
    return "(" + compare(ordering, column, ">=") + " AND " + compare(ordering, column, "<=") + ")";
  }

  @Override
  public String orderBy(Ordering ordering, String column, boolean descending, boolean nullable) {
    String direction = descending ? " DESC" : "";
    String term = wrap(ordering, column) + direction;
    return ordering == Ordering.NUMERIC_TEXT
        ? term + ", " + column + " COLLATE kiln_decimal" + direction : term;
  }

  @Override
  public String textMatch(TextMatch match, String column, boolean ignoreCase) {
    String c = ignoreCase ? foldCase(column) : column;
    String v = ignoreCase ? foldCase("?") : "?";
    return switch (match) {
      case CONTAINS -> "instr(" + c + ", " + v + ") > 0";
      // The range lets an index on the column seek the prefix; instr keeps the match exact.
      case STARTS_WITH -> ignoreCase ? "instr(" + c + ", " + v + ") = 1"
          : "(" + c + " >= " + v + " AND " + c + " < kiln_prefix_end(" + v + ") AND instr(" + c
              + ", " + v + ") = 1)";
      // the bytes after the first length(text) - length(suffix) equal the suffix's (when the
      // suffix is longer they are shorter than it); every text ends with the empty suffix
      case ENDS_WITH -> "(" + v + " = '' OR substr(CAST(" + c + " AS BLOB), length(CAST(" + c
          + " AS BLOB)) - length(CAST(" + v + " AS BLOB)) + 1) = CAST(" + v + " AS BLOB))";
      case LIKE -> c + " GLOB " + v;
      case NOT_LIKE -> c + " NOT GLOB " + v;
    };
  }

  /** A {@code LIKE} pattern is bound as the glob that matches the same texts. */
  @Override
  public String textArgument(TextMatch match, String value) {
    return match == TextMatch.LIKE || match == TextMatch.NOT_LIKE ? glob(value) : value;
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

  /**
   * The glob that matches what the {@code LIKE} pattern {@code pattern} matches, case-sensitively:
   * {@code %} becomes {@code *}, {@code _} becomes {@code ?}, a {@code \} makes the next character
   * literal, and the glob's own wildcards in the pattern match themselves.
   */
  public static String glob(String pattern) {
    StringBuilder glob = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal(glob, pattern.charAt(++i));
      } else if (c == '%') {
        glob.append('*');
      } else if (c == '_') {
        glob.append('?');
      } else {
        literal(glob, c);
      }
    }
    return glob.toString();
  }

  private static void literal(StringBuilder glob, char c) {
    if (c == '*' || c == '?' || c == '[') {
      glob.append('[').append(c).append(']');
    } else {
      glob.append(c);
    }
  }
}
