package dev.kiln.query;

import dev.kiln.spi.ValueType;
import dev.kiln.spi.ValueTypes;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A persisted property of entity {@code E} in the metamodel ({@code Author_.EMAIL}): it builds
 * conditions and orderings whose values are bound exactly as the repository stores them.
 *
 * <p>Values may not be null; use {@link #isNull()} to find missing values (SQL's {@code = NULL}
 * is never true, and silently matching nothing would hide the mistake).
 *
 * @param <E> the entity
 * @param <T> the property's Java type
 */
public class Column<E, T> implements Selectable<E, T> {

  private final String table;
  private final String name;
  private final String property;
  private final ValueType<T> type;
  private final boolean nullable;

  /** Made by generated metamodels; {@code nullable} is whether the column may hold NULL. */
  public Column(String table, String name, String property, ValueType<T> type,
      boolean nullable) {
    this.table = table;
    this.name = name;
    this.property = property;
    this.type = type;
    this.nullable = nullable;
  }

  /** A column that may hold NULL, as far as Kiln knows. */
  public Column(String table, String name, String property, ValueType<T> type) {
    this(table, name, property, type, true);
  }

  /** The table the column belongs to. */
  public String table() {
    return table;
  }

  /** The column name in SQL. */
  public String name() {
    return name;
  }

  /** The property name in Java. */
  public String property() {
    return property;
  }

  /** Whether the column may hold NULL; a keyset page needs no NULL test where it cannot. */
  @Override
  public boolean nullable() {
    return nullable;
  }

  /** How values of this column are bound, read and compared. */
  @Override
  public ValueType<T> type() {
    return type;
  }

  /** Equal to {@code value}. */
  public Condition<E> eq(T value) {
    return new Conditions.Comparison<>(this, "=", required(value));
  }

  /** Not equal to {@code value} (rows where the column is null do not match). */
  public Condition<E> ne(T value) {
    return new Conditions.Comparison<>(this, "<>", required(value));
  }

  /** Equal to one of {@code values}; an empty collection matches no row. */
  public Condition<E> in(Collection<? extends T> values) {
    return new Conditions.In<>(this, copy(values), false);
  }

  /** Equal to one of {@code values}. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  public final Condition<E> in(T... values) {
    return in(Arrays.asList(values));
  }

  /** Equal to none of {@code values}; an empty collection matches every non-null row. */
  public Condition<E> notIn(Collection<? extends T> values) {
    return new Conditions.In<>(this, copy(values), true);
  }

  /** The column is SQL {@code NULL}. */
  public Condition<E> isNull() {
    return new Conditions.NullCheck<>(this, true);
  }

  /** The column is not SQL {@code NULL}. */
  public Condition<E> isNotNull() {
    return new Conditions.NullCheck<>(this, false);
  }

  /** In a typed update: sets the column to {@code value}. */
  public Assignment<E> set(T value) {
    return new Assignment<>(this, Assignment.Kind.VALUE, type, Objects.requireNonNull(value,
        () -> "a value for " + property + " (use setNull() to clear it)"));
  }

  /** In a typed update: sets the column to SQL {@code NULL}. */
  public Assignment<E> setNull() {
    return new Assignment<>(this, Assignment.Kind.NULL, type, null);
  }

  /** Ascending order, nulls first (on both engines). */
  @Override
  public Order<E> asc() {
    return new Order<>(this, false);
  }

  /** Descending order, nulls last (on both engines). */
  @Override
  public Order<E> desc() {
    return new Order<>(this, true);
  }

  /** The number of rows (of the group) where this column is not null. */
  public Aggregate<E, Long> count() {
    return Aggregate.of("count", this, ValueTypes.LONG);
  }

  /** The number of distinct non-null values (in the group). */
  public Aggregate<E, Long> countDistinct() {
    return Aggregate.of("count_distinct", this, ValueTypes.LONG);
  }

  @Override
  public String expression(SqlWriter sql) {
    return reference(sql);
  }

  /** The column as {@code sql} refers to it: quoted, and qualified where its table has an alias. */
  String reference(SqlWriter sql) {
    return sql.qualified(table, name);
  }

  T required(T value) {
    return Objects.requireNonNull(value, () -> "a value for " + property
        + " (use isNull() to match missing values)");
  }

  private List<T> copy(Collection<? extends T> values) {
    values.forEach(this::required);
    return List.copyOf(values);
  }

  @Override
  public String toString() {
    return table + "." + name;
  }
}
