package dev.kiln.query;

import java.math.BigDecimal;

/**
 * A number column, which can be summed and averaged: the primitive numbers and their boxes
 * ({@link NumberColumn}), {@code BigDecimal} and {@code BigInteger} ({@link DecimalColumn}).
 * Text, date-time and the other columns are not, so {@code sum} of them does not compile.
 *
 * @param <E> the entity
 * @param <T> the column's Java type
 */
public interface Summable<E, T> extends Selectable<E, T> {

  /** The exact sum (of the group), as a {@code BigDecimal}; null over no rows. */
  default Aggregate<E, BigDecimal> sum() {
    return Aggregate.sum(this);
  }

  /** The average (of the group), to 15 significant digits; null over no rows. */
  default Aggregate<E, BigDecimal> avg() {
    return Aggregate.avg(this);
  }
}
