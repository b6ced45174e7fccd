package dev.kiln.query;

import dev.kiln.spi.ValueType;
import dev.kiln.spi.ValueTypes;

/**
 * A column of a primitive number type ({@code byte short int long float double} or their boxes).
 * Besides the comparisons with its own type, it compares with any {@code long} or {@code double},
 * so that a narrower argument needs no cast or suffix: {@code Entry_.BATCH.gt(5)} on a
 * {@code long} column, {@code Item_.WEIGHT.le(2)} on a {@code double} one. SQL compares integers
 * and reals by value, as Java does once it has widened them.
 *
 * @param <E> the entity
 * @param <T> the property's boxed type
 */
public final class NumberColumn<E, T extends Number & Comparable<? super T>>
    extends ComparableColumn<E, T> implements Summable<E, T> {

  /** Made by generated metamodels; {@code nullable} is whether the column may hold NULL. */
  public NumberColumn(String table, String name, String property, ValueType<T> type,
      boolean nullable) {
    super(table, name, property, type, nullable);
  }

  /** A column that may hold NULL, as far as Kiln knows. */
  public NumberColumn(String table, String name, String property, ValueType<T> type) {
    super(table, name, property, type);
  }

  /** Equal to {@code value}. */
  public Condition<E> eq(long value) {
    return compare("=", ValueTypes.LONG, value);
  }

  /** Not equal to {@code value}. */
  public Condition<E> ne(long value) {
    return compare("<>", ValueTypes.LONG, value);
  }

  /** Less than {@code value}. */
  public Condition<E> lt(long value) {
    return compare("<", ValueTypes.LONG, value);
  }

  /** Less than or equal to {@code value}. */
  public Condition<E> le(long value) {
    return compare("<=", ValueTypes.LONG, value);
  }

  /** Greater than {@code value}. */
  public Condition<E> gt(long value) {
    return compare(">", ValueTypes.LONG, value);
  }

  /** Greater than or equal to {@code value}. */
  public Condition<E> ge(long value) {
    return compare(">=", ValueTypes.LONG, value);
  }

  /** Between {@code low} and {@code high}, both included. */
  public Condition<E> between(long low, long high) {
    return new Conditions.WidenedBetween<>(this, ValueTypes.LONG, low, high);
  }

  /** Equal to {@code value}. */
  public Condition<E> eq(double value) {
    return compare("=", ValueTypes.DOUBLE, value);
  }

  /** Not equal to {@code value}. */
  public Condition<E> ne(double value) {
    return compare("<>", ValueTypes.DOUBLE, value);
  }

  /** Less than {@code value}. */
  public Condition<E> lt(double value) {
    return compare("<", ValueTypes.DOUBLE, value);
  }

  /** Less than or equal to {@code value}. */
  public Condition<E> le(double value) {
    return compare("<=", ValueTypes.DOUBLE, value);
  }

  /** Greater than {@code value}. */
  public Condition<E> gt(double value) {
    return compare(">", ValueTypes.DOUBLE, value);
  }

  /** Greater than or equal to {@code value}. */
  public Condition<E> ge(double value) {
    return compare(">=", ValueTypes.DOUBLE, value);
  }

  /** Between {@code low} and {@code high}, both included. */
  public Condition<E> between(double low, double high) {
    return new Conditions.WidenedBetween<>(this, ValueTypes.DOUBLE, low, high);
  }

  /**
   * In a typed update: adds {@code amount} (negative to subtract). A {@code long} suits every
   * number column; a fraction needs a {@code double} column ({@code add(T)}).
   */
  public Assignment<E> add(long amount) {
    return new Assignment<>(this, Assignment.Kind.ADD, ValueTypes.LONG, amount);
  }

  /** In a typed update: adds {@code amount}, of the column's own type. */
  public Assignment<E> add(T amount) {
    return new Assignment<>(this, Assignment.Kind.ADD, type(), required(amount));
  }

  /** In a typed update: multiplies by {@code factor}. */
  public Assignment<E> multiply(long factor) {
    return new Assignment<>(this, Assignment.Kind.MULTIPLY, ValueTypes.LONG, factor);
  }

  /** In a typed update: multiplies by {@code factor}, of the column's own type. */
  public Assignment<E> multiply(T factor) {
    return new Assignment<>(this, Assignment.Kind.MULTIPLY, type(), required(factor));
  }

  private <V> Condition<E> compare(String operator, ValueType<V> type, V value) {
    return new Conditions.WidenedComparison<>(this, operator, type, value);
  }
}
