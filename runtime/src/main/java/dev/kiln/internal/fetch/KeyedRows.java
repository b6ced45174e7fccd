package dev.kiln.internal.fetch;

import dev.kiln.mapping.ChildRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a to-many statement reads for parents with integer keys, grouped by parent: each
 * parent's run of children is gathered in one reused buffer ({@link Run}) and kept as an
 * immutable list of exactly its size - by {@code key - min} in an array when the keys are a
 * range, else in a map by key, consulted once per parent. Children that have to-many relations
 * of their own are also gathered as {@link Loaded} rows, whose keys bind the statements below.
 */
final class KeyedRows extends ChildRows {

  private final PlanNode node;
  /** Where rows of a node with to-many relations are gathered; null for other nodes. */
  private final List<Loaded> gathered;
  private final long min;
  private final List<Object>[] byIndex;
  private final Map<Object, List<Object>> byParent;
  private final Run run = new Run();
  private long current;

  /**
   * Rows of {@code node}, for {@code range} parents keyed from {@code min} on without a gap, or
   * for parents keyed otherwise when {@code range} is 0.
   */
  @SuppressWarnings("unchecked")
  KeyedRows(PlanNode node, List<Loaded>[] loaded, int range, long min) {
    this.node = node;
    this.gathered = node.keyed.isEmpty() ? null : gathering(node, loaded);
    this.min = min;
    this.byIndex = range > 0 ? new List[range] : null;
    this.byParent = range > 0 ? Map.of() : new HashMap<>();
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

  /** Takes {@code row}, already read (an entity, or a {@link Loaded}), child of {@code parentKey}. */
  void addRow(long parentKey, Object row) {
    if (!run.isEmpty() && parentKey != current) {
      keep();
    }
    current = parentKey;
    run.add(row);
  }

  /** Keeps the last parent's run: call once every row is read. */
  void finish() {
    keep();
  }

  /** The children of the parent keyed {@code key} (which is integer), or null when none. */
  List<Object> of(long key) {
    return byIndex != null ? byIndex[(int) (key - min)] : byParent.get(key);
  }

  private void keep() {
    if (run.isEmpty()) {
      return;
    }
    List<Object> children = run.take();
    if (byIndex != null) {
      int at = (int) (current - min);
      byIndex[at] = byIndex[at] == null ? children : concat(byIndex[at], children);
    } else {
      byParent.merge(current, children, KeyedRows::concat);
    }
  }

  /** Two runs of one parent's children: not what an ordered statement returns, but kept whole. */
  static List<Object> concat(List<Object> first, List<Object> second) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
