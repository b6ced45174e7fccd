package dev.kiln.query;

import dev.kiln.KilnException;
import dev.kiln.migrations.schema.Ordering;
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

  /** Made by generated metamodels; {@code nullable} is whether the column may hold NULL. */
  public ComparableColumn(String table, String name, String property, ValueType<T> type,
      boolean nullable) {
    super(table, name, property, type, nullable);
  }

  /** A column that may hold NULL, as far as Kiln knows. */
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

  /** The smallest value (of the group), as Java orders it; null over no rows. */
  public Aggregate<E, T> min() {
    return Aggregate.of("min", orderable("min"), type());
  }

  /** The largest value (of the group), as Java orders it; null over no rows. */
  public Aggregate<E, T> max() {
    return Aggregate.of("max", orderable("max"), type());
  }

  /**
   * This column, when SQL's min and max see its values in Java's order. An
   * {@code OffsetDateTime} is ordered by its instant through an expression that min and max
   * would return in place of the stored value.
   */
  private ComparableColumn<E, T> orderable(String function) {
    if (type().ordering() == Ordering.OFFSET_DATE_TIME) {
      throw new KilnException(function + "() of " + property() + ", an OffsetDateTime, is not"
          + " supported: order by it and take the first row instead");
    }
    return this;
  }

  /** Between {@code low} and {@code high}, both included. */
  public Condition<E> between(T low, T high) {
    return new Conditions.Between<>(this, required(low), required(high));
  }
}
