package dev.kiln.internal.fetch;

import dev.kiln.internal.StatementCache;
import dev.kiln.mapping.EntityMapping;
import dev.kiln.mapping.RelationInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * One entity in a fetch plan: the relations joined into its statement (to-one) and those loaded
 * by statements of their own (to-many), each leading to a child node.
 */
final class PlanNode {

  /** A relation followed from a node. */
  record Edge(RelationInfo<?, ?> relation, PlanNode child) {}

  final EntityMapping<?> mapping;
  /** The position (from 0) of the key column among this entity's columns. */
  final int keyOffset;
  final List<Edge> joined = new ArrayList<>();
  final List<Edge> keyed = new ArrayList<>();

  /**
   * How many rows of this node the plan's largest run so far gathered (at most
   * {@link StatementCache#MOST_ROWS}): the capacity its lists start with, so that a plan run
   * again does not grow them step by step. Written without a fence: a hint read stale costs a
   * list growth.
   */
  int rowsHint = 10;

  private List<PlanNode> statementNodes;

  /**
   * Whether the entity's key property holds an integer: 0 until the first row tells, then 1 or
   * -1. Written without a fence: every row gives the same answer.
   */
  private int integerKey;

  /**
   * For a child loaded by a to-many statement whose parent key is one of its properties: whether
   * that property holds an integer, 0 until the first row tells, then 1 or -1. Written without a
   * fence, for the same reason.
   */
  int parentKeyInteger;

  /**
   * For a node with to-many relations, where a run keeps the rows it gathers of this node (whose
   * keys bind those relations' statements); set when the plan is laid out.
   */
  int slot = -1;

  /**
   * For a node loaded by a to-many statement, where a run keeps the rows that statement read,
   * for its parents to find their children by; set when the plan is laid out.
   */
  int statement = -1;

  /** Set while the SQL is laid out: the alias and first column of this node in its statement. */
  String alias;
  int firstColumn;
  boolean joinedIntoParent;

  PlanNode(EntityMapping<?> mapping) {
    this.mapping = mapping;
    var info = mapping.info();
    this.keyOffset = info.columns().indexOf(info.keyColumns().get(0));
  }

  /** The child reached through {@code relation}, added on first use so that paths share it. */
  PlanNode follow(RelationInfo<?, ?> relation) {
    List<Edge> edges = relation.kind().many() ? keyed : joined;
    for (Edge edge : edges) {
      if (edge.relation() == relation) {
        return edge.child();
      }
    }
    PlanNode child = new PlanNode(relation.target());
    edges.add(new Edge(relation, child));
    return child;
  }

  /** Raises {@link #rowsHint} to {@code rows} when a run gathered more. */
  void sawRows(int rows) {
    if (rows > rowsHint) {
      rowsHint = Math.min(rows, StatementCache.MOST_ROWS);
    }
  }

  /**
   * This node and the nodes joined below it, in the order their columns are selected; laid out
   * once the plan's relations are all followed.
   */
  List<PlanNode> statementNodes() {
    List<PlanNode> nodes = statementNodes;
    if (nodes == null) {
      List<PlanNode> collected = new ArrayList<>();
      collect(collected);
      nodes = List.copyOf(collected);
      statementNodes = nodes;
    }
    return nodes;
  }

  private void collect(List<PlanNode> nodes) {
    nodes.add(this);
    for (Edge edge : joined) {
      edge.child().collect(nodes);
    }
  }

  /** Whether {@code entity}'s key, a row of this node's, is an integer (decided on the first). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  boolean integerKey(Object entity) {
    if (integerKey == 0) {
      integerKey = Loaded.integer(((EntityMapping) mapping).key(entity)) ? 1 : -1;
    }
    return integerKey > 0;
  }

  /** Whether a row already told that this node's key is an integer. */
  boolean knownIntegerKey() {
    return integerKey > 0;
  }

  /** Whether this node has no relations to assemble, so that its rows are plain entities. */
  boolean leaf() {
    return joined.isEmpty() && keyed.isEmpty();
  }
}
