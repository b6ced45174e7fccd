package dev.kiln.internal.fetch;

import dev.kiln.mapping.ChildRows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a to-many statement reads for parents with integer keys, kept in the order they came
 * in one array, each parent's children being a slice of it: found by {@code key - min} when the
 * parents' keys are a range, else in a map by key. A parent's list of children is made from its
 * slice only when the graph is assembled ({@link #children}), of exactly its size and already
 * holding the built children. Children that have to-many relations of their own are also
 * gathered as {@link Loaded} rows, whose keys bind the statements below.
 *
 * <p>Implementation notes: rows grouped into a list per parent as they were read had to be handed
 * to each parent in a pass of their own, and a list of rows not yet built was copied once more
 * into the list of built ones; together a tenth of what a three-level load costs in Kiln's own
 * code.
 */
final class KeyedRows extends ChildRows {

  private final PlanNode node;
  /** Where rows of a node with to-many relations are gathered; null for other nodes. */
  private final List<Loaded> gathered;
  private final long min;
  /** For a range of parents: at {@code 2 * (key - min)} the start of its slice, then its end. */
  private final int[] slices;
  /** For other parents: each one's slice. */
  private final Map<Long, int[]> byParent;
  /** A parent whose children came in two runs (not what an ordered statement returns). */
  private Map<Long, List<Object>> split;
  private Object[] rows;
  private int size;
  private int runStart;
  private long current;

  /**
   * Rows of {@code node}, for {@code range} parents keyed from {@code min} on without a gap, or
   * for parents keyed otherwise when {@code range} is 0.
   */
  KeyedRows(PlanNode node, List<Loaded>[] loaded, int range, long min) {
    this.node = node;
    this.gathered = node.keyed.isEmpty() ? null : gathering(node, loaded);
    this.min = min;
    this.slices = range > 0 ? new int[2 * range] : null;
    this.byParent = range > 0 ? Map.of() : new HashMap<>();
    this.rows = new Object[node.rowsHint];
  }

  /** The list a run gathers {@code node}'s rows in, made on first use. */
  static List<Loaded> gathering(PlanNode node, List<Loaded>[] loaded) {
    List<Loaded> rows = loaded[node.slot];
    if (rows == null) {
      rows = new ArrayList<>(node.rowsHint);
      loaded[node.slot] = rows;
    }
    return rows;
  }

  @Override
  public void add(long parentKey, long ownKey, Object entity) {
    Object row = entity;
    if (gathered != null) {
      Loaded loaded = new Loaded(node, entity, ownKey);
      gathered.add(loaded);
      row = loaded;
    }
    addRow(parentKey, row);
  }

  /** Takes {@code row} (an entity or a {@link Loaded}), a child of {@code parentKey}. */
  void addRow(long parentKey, Object row) {
    if (parentKey != current && size > runStart) {
      keep();
      runStart = size;
    }
    current = parentKey;
    if (size == rows.length) {
      rows = Arrays.copyOf(rows, Math.max(16, size * 2));
    }
    rows[size++] = row;
  }

  /** Keeps the last parent's slice: call once every row is read. */
  void finish() {
    keep();
  }

  /**
   * The children of the parent keyed {@code key} (which is integer), built, as an immutable list;
   * {@code statements} are the other statements' rows, which build grandchildren.
   */
  List<Object> children(long key, Object[] statements) {
    List<Object> all = split == null ? null : split.get(key);
    if (all != null) {
      return Loaded.buildOwn(node, all.toArray(), statements);
    }
    int from;
    int to;
    if (slices != null) {
      int at = 2 * (int) (key - min);
      from = slices[at];
      to = slices[at + 1];
    } else {
      int[] slice = byParent.get(key);
      from = slice == null ? 0 : slice[0];
      to = slice == null ? 0 : slice[1];
    }
    return Loaded.build(node, rows, from, to, statements);
  }

  private void keep() {
    if (size == runStart) {
      return;
    }
    if (slices != null) {
      int at = 2 * (int) (current - min);
      if (slices[at + 1] == 0) { // a slice that holds rows ends after 0
        slices[at] = runStart;
        slices[at + 1] = size;
      } else {
        keepSplit(slices[at], slices[at + 1]);
      }
    } else {
      int[] slice = byParent.putIfAbsent(current, new int[] {runStart, size});
      if (slice != null) {
        keepSplit(slice[0], slice[1]);
      }
    }
  }

  /** Keeps the current run after the parent's first slice, {@code from} to {@code to}. */
  private void keepSplit(int from, int to) {
    if (split == null) {
      split = new HashMap<>();
    }
    List<Object> before = split.get(current);
    List<Object> all = new ArrayList<>(before != null ? before
        : Arrays.asList(rows).subList(from, to));
    all.addAll(Arrays.asList(rows).subList(runStart, size));
    split.put(current, all);
  }
}
