package dev.kiln.internal.fetch;

import java.util.Arrays;
import java.util.List;

/**
 * The children of one parent as a keyed statement reads them, in one buffer reused from parent
 * to parent, each run taken as an immutable list of exactly its size ({@link Children}).
 */
final class Run {

  private Object[] rows = new Object[16];
  private int size;

  void add(Object row) {
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, size * 2);
    }
    rows[size++] = row;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The rows gathered since the last take, as an immutable list; the run starts over. */
  List<Object> take() {
    List<Object> children = Children.copyOf(rows, size);
    size = 0;
    return children;
  }
}
