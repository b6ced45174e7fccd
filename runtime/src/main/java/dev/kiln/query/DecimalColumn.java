package dev.kiln.query;

import dev.kiln.spi.ValueType;

/**
 * A {@code BigDecimal} or {@code BigInteger} column: compared numerically and exactly (as
 * {@link ComparableColumn} is), and in a typed update added to or multiplied exactly, on every
 * engine: {@code 10.00 * 1.10} is {@code 11.0000}, as {@link java.math.BigDecimal#multiply} says.
 *
 * @param <E> the entity
 * @param <T> {@code BigDecimal} or {@code BigInteger}
 */
public final class DecimalColumn<E, T extends Number & Comparable<? super T>>
    extends ComparableColumn<E, T> implements Summable<E, T> {

  /** Made by generated metamodels; {@code nullable} is whether the column may hold NULL. */
  public DecimalColumn(String table, String name, String property, ValueType<T> type,
      boolean nullable) {
    super(table, name, property, type, nullable);
  }

  /** A column that may hold NULL, as far as Kiln knows. */
  public DecimalColumn(String table, String name, String property, ValueType<T> type) {
    super(table, name, property, type);
  }

  /** In a typed update: adds {@code amount} (negative to subtract). */
  public Assignment<E> add(T amount) {
    return new Assignment<>(this, Assignment.Kind.ADD, type(), required(amount));
  }

  /** In a typed update: multiplies by {@code factor}. */
  public Assignment<E> multiply(T factor) {
    return new Assignment<>(this, Assignment.Kind.MULTIPLY, type(), required(factor));
  }
}
