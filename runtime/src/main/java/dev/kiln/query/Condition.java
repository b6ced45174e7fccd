package dev.kiln.query;

import java.util.List;

/**
 * A typed condition over entity {@code E}, made from the metamodel's columns
 * ({@code Author_.EMAIL.eq("ann@example.org")}) and combined with {@link #and}, {@link #or} and
 * {@link #not}. Conditions are immutable and may be kept in constants.
 *
 * @param <E> the entity the condition filters
 */
public interface Condition<E> {

  /** Writes this condition as SQL, binding its values through {@code sql}. */
  void writeTo(SqlWriter sql);

  /** Both this and {@code other}. */
  default Condition<E> and(Condition<E> other) {
    return new Conditions.Junction<>(" AND ", List.of(this, other));
  }

  /** This or {@code other}, or both. */
  default Condition<E> or(Condition<E> other) {
    return new Conditions.Junction<>(" OR ", List.of(this, other));
  }

  /** The opposite of this. Note SQL's three-valued logic: a row where this is NULL fails both. */
  default Condition<E> not() {
    return new Conditions.Not<>(this);
  }

  /** All of {@code conditions}; true when there are none. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  static <E> Condition<E> allOf(Condition<E>... conditions) {
    return conditions.length == 0 ? sql -> sql.append("1 = 1")
        : new Conditions.Junction<>(" AND ", List.of(conditions));
  }

  /** Any of {@code conditions}; false when there are none. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  static <E> Condition<E> anyOf(Condition<E>... conditions) {
    return conditions.length == 0 ? sql -> sql.append("1 = 0")
        : new Conditions.Junction<>(" OR ", List.of(conditions));
  }
}
