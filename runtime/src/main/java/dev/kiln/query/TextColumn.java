package dev.kiln.query;

import dev.kiln.spi.LikePatterns;
import dev.kiln.spi.ValueType;

/**
 * A {@code String} column, which adds pattern matching to the comparisons. Like SQLite's
 * {@code LIKE}, matching ignores the case of ASCII letters.
 *
 * @param <E> the entity
 */
public final class TextColumn<E> extends ComparableColumn<E, String> {

  /** Made by generated metamodels. */
  public TextColumn(String table, String name, String property, ValueType<String> type) {
    super(table, name, property, type);
  }

  /** SQL {@code LIKE pattern}: {@code %} matches any run of characters, {@code _} one character. */
  public Condition<E> like(String pattern) {
    return new Conditions.Like<>(this, required(pattern));
  }

  /** Starts with {@code prefix}, taken literally ({@code %} and {@code _} in it match themselves). */
  public Condition<E> startsWith(String prefix) {
    return new Conditions.Like<>(this, LikePatterns.startsWith(required(prefix)));
  }

  /** Ends with {@code suffix}, taken literally. */
  public Condition<E> endsWith(String suffix) {
    return new Conditions.Like<>(this, LikePatterns.endsWith(required(suffix)));
  }

  /** Contains {@code part}, taken literally. */
  public Condition<E> contains(String part) {
    return new Conditions.Like<>(this, LikePatterns.contains(required(part)));
  }
}
