package dev.kiln.migrations.schema;

/**
 * How SQL must compare and order a column so that the result is the Java type's natural order.
 * The processor (derived finders) and the runtime (typed queries) both take their comparisons
 * and {@code ORDER BY} terms from here, so a condition means the same in both.
 */
public enum Ordering {
  /** Stored values already compare correctly: numbers, text, and Kiln's date-time text. */
  NATIVE("%1$s"),
  /**
   * Exact decimal text ({@code BigDecimal}, {@code BigInteger}) compares as a number, exactly.
   *
   * <p>Implementation notes: {@code CAST(x AS REAL)} compares fast but as a double, exact to
   * about 15 significant digits, and {@code kiln_decimal_cmp} (see {@link DecimalFunctions}) is
   * exact but a call into Java for each row (measured: 8× the cost of the cast over 100,000
   * rows). So a comparison asks the doubles first and the exact function only when the doubles
   * lie within a relative 10⁻¹² of each other — far wider than any rounding of the conversion —
   * where they could disagree with the exact order: equal values, and neighbours 40 digits
   * long. Over 100,000 rows that costs about 30% more than the cast alone. Ordering sorts by the
   * double, then breaks ties with the {@code kiln_decimal} collation.
   */
  NUMERIC_TEXT("CAST(%1$s AS NUMERIC)"),
  /**
   * An offset date-time, stored as local time and offset with a nine-digit fraction, compares by
   * the instant it denotes: the UTC date and time to the second, then the stored fraction.
   */
  OFFSET_DATE_TIME("(strftime('%%Y-%%m-%%d %%H:%%M:%%S', %1$s) || substr(%1$s, 20, 10))");

  private final String template;

  Ordering(String template) {
    this.template = template;
  }

  /** The expression over {@code expression} (a quoted column, or {@code ?}) to compare by. */
  public String wrap(String expression) {
    return String.format(template, expression);
  }

  /**
   * {@code column <operator> ?} in this ordering, where {@code operator} is one of
   * {@code = <> < <= > >=}. The parameter may appear several times ({@link #uses}); bind the same
   * value to each.
   */
  public String compare(String column, String operator) {
    if (this != NUMERIC_TEXT) {
      return wrap(column) + " " + operator + " " + wrap("?");
    }
    // As doubles: integer arithmetic on the margin could overflow (abs of the smallest long).
    String a = "CAST(" + column + " AS REAL)";
    String b = "CAST(? AS REAL)";
    String margin = "abs(" + b + ") * 1e-12";
    // A NULL difference (infinity minus infinity) counts as near: the exact function decides.
    String near = "coalesce(abs(" + a + " - " + b + ") <= " + margin + ", 1)";
    String exact = "kiln_decimal_cmp(" + column + ", ?)";
    return switch (operator) {
      case "=" -> "(" + near + " AND " + exact + " = 0)";
      case "<>" -> "NOT (" + near + " AND " + exact + " = 0)";
      case "<", "<=" -> "(" + a + " < " + b + " - " + margin + " OR (" + near + " AND " + exact
          + " " + operator + " 0))";
      case ">", ">=" -> "(" + a + " > " + b + " + " + margin + " OR (" + near + " AND " + exact
          + " " + operator + " 0))";
      default -> throw new IllegalArgumentException("not a comparison: " + operator);
    };
  }

  /**
   * {@code column BETWEEN ? AND ?} in this ordering: the first half of the {@code ?} take the low
   * bound, the second half the high one.
   */
  public String between(String column) {
    if (this != NUMERIC_TEXT) {
      return wrap(column) + " BETWEEN " + wrap("?") + " AND " + wrap("?");
    }
    return "(" + compare(column, ">=") + " AND " + compare(column, "<=") + ")";
  }

  /** How many times {@link #compare} uses its parameter for {@code operator}. */
  public int uses(String operator) {
    return (int) compare("c", operator).chars().filter(c -> c == '?').count();
  }

  /** The {@code ORDER BY} term(s) for {@code column}, ascending or descending. */
  public String orderBy(String column, boolean descending) {
    String direction = descending ? " DESC" : "";
    String term = wrap(column) + direction;
    return this == NUMERIC_TEXT ? term + ", " + column + " COLLATE kiln_decimal" + direction : term;
  }
}
