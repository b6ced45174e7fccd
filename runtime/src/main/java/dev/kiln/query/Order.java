package dev.kiln.query;

/**
 * One term of an {@code ORDER BY}, made by {@link Column#asc()} or {@link Column#desc()}.
 *
 * @param <E> the entity being ordered
 */
public final class Order<E> {

  private final Column<E, ?> column;
  private final boolean descending;

  Order(Column<E, ?> column, boolean descending) {
    this.column = column;
    this.descending = descending;
  }

  /** The column ordered by. */
  public Column<E, ?> column() {
    return column;
  }

  /** Whether the order is descending. */
  public boolean descending() {
    return descending;
  }

  /** Writes the term: the column in its natural order, descending if asked. */
  public void writeTo(SqlWriter sql) {
    sql.append(sql.dialect().orderBy(column.type().ordering(), column.reference(sql), descending));
  }
}
