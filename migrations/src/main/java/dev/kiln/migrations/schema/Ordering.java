package dev.kiln.migrations.schema;

/**
 * How SQL must compare and order a column so that the result is the Java type's natural order.
 * Each engine's {@code SqlDialect} writes the comparisons and {@code ORDER BY} terms; the
 * processor (derived finders) and the runtime (typed queries) both take them from there, so a
 * condition means the same in both.
 */
public enum Ordering {
  /** Stored values already compare correctly: numbers, text, and Kiln's date-time text. */
  NATIVE,
  /**
   * Exact decimals ({@code BigDecimal}, {@code BigInteger}) compare as numbers, exactly. On SQLite
   * they are text, compared through {@code kiln_decimal_cmp} where doubles could disagree (see
   * {@code SqliteDialect}); on PostgreSQL they are {@code numeric}.
   */
  NUMERIC_TEXT,
  /**
   * An offset date-time, stored as local time and offset with a nine-digit fraction, compares by
   * the instant it denotes: the UTC date and time to the second, then the stored fraction.
   */
  OFFSET_DATE_TIME
}
