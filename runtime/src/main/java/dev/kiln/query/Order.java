package dev.kiln.query;

/**
 * One term of an {@code ORDER BY}, made by {@link Selectable#asc()} or
 * {@link Selectable#desc()}: of a column, an aggregate, or a column through relations.
 *
 * @param <E> the entity being ordered
 */
public final class Order<E> {

  private final Selectable<E, ?> item;
  private final boolean descending;

  Order(Selectable<E, ?> item, boolean descending) {
    this.item = item;
    this.descending = descending;
  }

  /** What is ordered by. */
  public Selectable<E, ?> item() {
    return item;
  }

  /** Whether the order is descending. */
  public boolean descending() {
    return descending;
  }

  /** Writes the term: the item in its natural order, descending if asked. */
  public void writeTo(SqlWriter sql) {
    sql.append(sql.dialect().orderBy(item.ordering(), item.expression(sql), descending,
        item.nullable()));
  }
}
