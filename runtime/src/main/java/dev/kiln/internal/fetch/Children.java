package dev.kiln.internal.fetch;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The immutable list a fetch plan hands out as one parent's children, over an array it owns.
 *
 * <p>Implementation notes: {@code List.of(array)} copies its array, which here is already a copy
 * made for this list alone; for the tens of thousands of small lists one load of a deep graph
 * builds, that second array was a tenth of what the plan allocated beyond hand-written JDBC. One
 * and two children are {@code List.of}'s own lists, which hold no array at all. Serialized, the
 * list writes itself as {@code List.of} of its elements.
 */
final class Children<E> extends AbstractList<E> implements RandomAccess, Serializable {

  private static final long serialVersionUID = 1L;

  private final transient Object[] elements;

  private Children(Object[] elements) {
    this.elements = elements;
  }

  /**
   * Elements {@code from} to {@code to} of {@code buffer}, copied: the caller goes on using its
   * buffer.
   */
  static <E> List<E> copyOf(Object[] buffer, int from, int to) {
    return to - from <= 2 ? small(buffer, from, to - from)
        : new Children<>(Arrays.copyOfRange(buffer, from, to));
  }

  /** {@code elements} as an immutable list, kept as it is: the caller gives the array up. */
  static <E> List<E> own(Object[] elements) {
    return elements.length <= 2 ? small(elements, 0, elements.length)
        : new Children<>(elements);
  }

  @SuppressWarnings("unchecked")
  private static <E> List<E> small(Object[] elements, int from, int size) {
    return switch (size) {
      case 0 -> List.of();
      case 1 -> List.of((E) elements[from]);
      default -> List.of((E) elements[from], (E) elements[from + 1]);
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    return (E) elements[index];
  }

  @Override
  public int size() {
    return elements.length;
  }

  @Override
  public Object[] toArray() {
    return elements.clone();
  }

  private Object writeReplace() {
    return List.of(elements);
  }
}
