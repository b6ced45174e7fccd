package dev.kiln.query;

import dev.kiln.migrations.schema.Ordering;
import dev.kiln.spi.ValueType;

/**
 * Something a typed query can select, group by and order by: a column of entity {@code E}
 * ({@code Author_.NAME}), an aggregate of one ({@code Book_.PRICE.sum()},
 * {@link Aggregate#count()}), or a column reached through to-one relations
 * ({@code Book_.AUTHOR.then(Author_.NAME)}).
 *
 * @param <E> the entity the query is over
 * @param <T> the Java type of the value
 */
public interface Selectable<E, T> {

  /** The SQL expression, written for {@code sql}'s engine and table aliases. */
  String expression(SqlWriter sql);

  /** How values are read, bound and compared. */
  ValueType<T> type();

  /** How SQL orders the values so that they follow Java's order. */
  default Ordering ordering() {
    return type().ordering();
  }

  /** Whether the value may be NULL: an aggregate or a column through relations may. */
  default boolean nullable() {
    return true;
  }

  /** Whether this is an aggregate, which a query computes per group. */
  default boolean aggregate() {
    return false;
  }

  /** The to-one relations this reaches through, which the query joins; none for a column. */
  default Path<E, ?> path() {
    return null;
  }

  /** Ascending order. */
  default Order<E> asc() {
    return new Order<>(this, false);
  }

  /** Descending order. */
  default Order<E> desc() {
    return new Order<>(this, true);
  }
}
