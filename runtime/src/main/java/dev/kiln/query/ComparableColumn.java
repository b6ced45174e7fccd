package dev.kiln.query;

import dev.kiln.spi.ValueType;

/**
 * A column whose values have an order that SQL can compare: numbers (including
 * {@code BigDecimal}, compared numerically), text, and date-time values (compared
 * chronologically).
 *
 * @param <E> the entity
 * @param <T> the property's Java type
 */
public class ComparableColumn<E, T extends Comparable<? super T>> extends Column<E, T> {

  /** Made by generated metamodels. */
  public ComparableColumn(String table, String name, String property, ValueType<T> type) {
    super(table, name, property, type);
  }

  /** Less than {@code value}. */
  public Condition<E> lt(T value) {
    return new Conditions.Comparison<>(this, "<", required(value));
  }

  /** Less than or equal to {@code value}. */
  public Condition<E> le(T value) {
    return new Conditions.Comparison<>(this, "<=", required(value));
  }

  /** Greater than {@code value}. */
  public Condition<E> gt(T value) {
    return new Conditions.Comparison<>(this, ">", required(value));
  }

  /** Greater than or equal to {@code value}. */
  public Condition<E> ge(T value) {
    return new Conditions.Comparison<>(this, ">=", required(value));
  }

  /** Between {@code low} and {@code high}, both included. */
  public Condition<E> between(T low, T high) {
    return new Conditions.Between<>(this, required(low), required(high));
  }
}
