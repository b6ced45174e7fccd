package dev.kiln.query;

import dev.kiln.spi.ValueType;

/**
 * One {@code SET} of a typed update, made by the metamodel's columns:
 * {@code Book_.PRICE.set(price)}, {@code Book_.SUBTITLE.setNull()},
 * {@code Book_.STOCK.add(5)}, {@code Book_.PRICE.multiply(new BigDecimal("1.10"))}. Decimal
 * arithmetic is exact on every engine.
 *
 * @param <E> the entity whose column is set
 */
public final class Assignment<E> {

  /** What the column is set to. */
  enum Kind { VALUE, NULL, ADD, MULTIPLY }

  private final Column<E, ?> column;
  private final Kind kind;
  private final ValueType<Object> type;
  private final Object value;

  @SuppressWarnings("unchecked")
  <V> Assignment(Column<E, ?> column, Kind kind, ValueType<V> type, V value) {
    this.column = column;
    this.kind = kind;
    this.type = (ValueType<Object>) type;
    this.value = value;
  }

  /** The column set. */
  public Column<E, ?> column() {
    return column;
  }

  /** The value bound, or null for {@code setNull()}. */
  Object value() {
    return value;
  }

  /** Writes {@code "column" = …}, binding the value through {@code sql}. */
  void writeTo(SqlWriter sql) {
    String name = sql.dialect().quote(column.name());
    sql.append(name).append(" = ");
    switch (kind) {
      case NULL -> sql.append("NULL");
      case VALUE -> sql.bind("?", type, value);
      case ADD, MULTIPLY -> sql.bind(sql.dialect().arithmetic(column.type().ordering(), name,
          kind == Kind.ADD ? '+' : '*'), type, value);
    }
  }

  @Override
  public String toString() {
    return column.property() + " " + kind.name().toLowerCase(java.util.Locale.ROOT)
        + (kind == Kind.NULL ? "" : " " + value);
  }
}
