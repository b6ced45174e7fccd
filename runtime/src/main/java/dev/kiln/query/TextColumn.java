package dev.kiln.query;

import dev.kiln.migrations.schema.TextMatch;
import dev.kiln.spi.ValueType;

/**
 * A {@code String} column, which adds text search to the comparisons. Searches are exact and
 * case-sensitive, as {@link String#contains}, {@link String#startsWith} and
 * {@link String#endsWith} are, and see the whole text, a NUL character included.
 *
 * @param <E> the entity
 */
public final class TextColumn<E> extends ComparableColumn<E, String> {

  /** Made by generated metamodels; {@code nullable} is whether the column may hold NULL. */
  public TextColumn(String table, String name, String property, ValueType<String> type,
      boolean nullable) {
    super(table, name, property, type, nullable);
  }

  /** A column that may hold NULL, as far as Kiln knows. */
  public TextColumn(String table, String name, String property, ValueType<String> type) {
    super(table, name, property, type);
  }

  /**
   * Matches a {@code LIKE} pattern: {@code %} matches any run of characters, {@code _} one
   * character, {@code \} makes the next one literal. Case-sensitive, as PostgreSQL's
   * {@code LIKE} is (SQLite's own would ignore the case of ASCII letters); a NUL character ends
   * the text a pattern sees.
   */
  public Condition<E> like(String pattern) {
    return new Conditions.Text<>(this, TextMatch.LIKE, required(pattern));
  }

  /** Starts with {@code prefix}, taken literally: {@code %} and {@code _} match themselves. */
  public Condition<E> startsWith(String prefix) {
    return new Conditions.Text<>(this, TextMatch.STARTS_WITH, required(prefix));
  }

  /** Ends with {@code suffix}, taken literally. */
  public Condition<E> endsWith(String suffix) {
    return new Conditions.Text<>(this, TextMatch.ENDS_WITH, required(suffix));
  }

  /** Contains {@code part}, taken literally. */
  public Condition<E> contains(String part) {
    return new Conditions.Text<>(this, TextMatch.CONTAINS, required(part));
  }
}
