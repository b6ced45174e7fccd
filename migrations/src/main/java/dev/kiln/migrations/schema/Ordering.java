package dev.kiln.migrations.schema;

/**
 * How SQL must compare a column so that its order is the Java type's natural order. The
 * processor (derived finders) and the runtime (typed queries) both take the expression from here,
 * so a comparison means the same in both.
 */
public enum Ordering {
  /** Stored values already compare correctly: numbers, text, and Kiln's date-time text. */
  NATIVE("%1$s"),
  /**
   * Exact decimal text ({@code BigDecimal}, {@code BigInteger}) compares as a number:
   * {@code CAST('9.5' AS NUMERIC) < CAST('10' AS NUMERIC)}, where text order says otherwise.
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
}
