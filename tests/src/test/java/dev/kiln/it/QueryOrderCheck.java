package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.query.ComparableColumn;
import dev.kiln.query.Condition;
import dev.kiln.query.EntityQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Checks that a generated query orders and compares the values of one column as Java does: for
 * stored rows, {@code orderBy(asc/desc)} must return them sorted by {@code order} (ties by key),
 * and {@code eq ne lt le gt ge} against every stored value, {@code between} every pair of them
 * and {@code in} must find exactly the rows Java's comparison selects.
 *
 * @param <E> the entity
 * @param <T> the column's type
 */
final class QueryOrderCheck<E, T extends Comparable<? super T>> {

  private final Supplier<? extends EntityQuery<E, ?>> query;
  private final ComparableColumn<E, T> column;
  private final Function<E, T> property;
  private final ToLongFunction<E> key;
  private final Comparator<? super T> order;

  QueryOrderCheck(Supplier<? extends EntityQuery<E, ?>> query, ComparableColumn<E, T> column,
      Function<E, T> property, ToLongFunction<E> key, Comparator<? super T> order) {
    this.query = query;
    this.column = column;
    this.property = property;
    this.key = key;
    this.order = order;
  }

  /** Runs every check over {@code rows}, which are stored and all that the table holds. */
  void check(List<E> rows) {
    List<E> byKey = new ArrayList<>(rows);
    byKey.sort(Comparator.comparingLong(key));
    List<E> ascending = new ArrayList<>(byKey);
    ascending.sort(Comparator.comparing(property, order));
    assertEquals(values(ascending), values(query.get().orderBy(column.asc()).list()),
        "ascending");
    List<E> descending = new ArrayList<>(byKey);
    descending.sort(Comparator.comparing(property, order.reversed()));
    assertEquals(values(descending), values(query.get().orderBy(column.desc()).list()),
        "descending");

    List<T> pivots = values(byKey);
    for (T pivot : pivots) {
      assertFinds(byKey, column.eq(pivot), v -> order.compare(v, pivot) == 0, "= " + pivot);
      assertFinds(byKey, column.ne(pivot), v -> order.compare(v, pivot) != 0, "<> " + pivot);
      assertFinds(byKey, column.lt(pivot), v -> order.compare(v, pivot) < 0, "< " + pivot);
      assertFinds(byKey, column.le(pivot), v -> order.compare(v, pivot) <= 0, "<= " + pivot);
      assertFinds(byKey, column.gt(pivot), v -> order.compare(v, pivot) > 0, "> " + pivot);
      assertFinds(byKey, column.ge(pivot), v -> order.compare(v, pivot) >= 0, ">= " + pivot);
    }
    for (T low : pivots) {
      for (T high : pivots) {
        assertFinds(byKey, column.between(low, high),
            v -> order.compare(v, low) >= 0 && order.compare(v, high) <= 0,
            "between " + low + " and " + high);
      }
    }
    T first = pivots.get(0);
    T last = pivots.get(pivots.size() - 1);
    assertFinds(byKey, column.in(first, last),
        v -> order.compare(v, first) == 0 || order.compare(v, last) == 0,
        "in (" + first + ", " + last + ")");
  }

  /** The query with {@code condition} finds exactly the rows whose value passes {@code wanted}. */
  void assertFinds(List<E> byKey, Condition<E> condition, Predicate<T> wanted, String what) {
    List<T> expected = values(byKey).stream().filter(wanted).toList();
    List<T> found = values(query.get().where(condition).list());
    assertEquals(expected, found, what);
  }

  private List<T> values(List<E> entities) {
    return Collections.unmodifiableList(entities.stream().map(property).toList());
  }
}
