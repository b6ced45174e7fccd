package dev.kiln.internal.fetch;

import dev.kiln.mapping.EntityMapping;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A row read during a fetch whose node has relations, before its graph is assembled: the entity
 * as read (relations unset), its key as the database stores it (to key the statements of its
 * to-many relations; an integer key unboxed), and per joined relation the row read for it
 * (see {@link #build(Object, Object[])}); its to-many relations' rows are found by its key when
 * it is built. Rows of leaf nodes are kept as the entities themselves, with no holder.
 */
final class Loaded {

  private static final Object[] NONE = {};

  final PlanNode node;
  final Object entity;
  /** Whether the key is an integer, held in {@link #longKey}. */
  final boolean integerKey;
  /** The integer key, when {@link #integerKey}. */
  final long longKey;
  /**
   * Any other key, or null: then the row has no key to load relations by (none of its relations
   * is to-many) unless it is an integer.
   */
  final Object otherKey;
  final Object[] relations;
  private Object built;

  /** A row keyed by the integer {@code key}, which a to-many statement is bound with. */
  Loaded(PlanNode node, Object entity, long key) {
    this(node, entity, true, key, null);
  }

  /**
   * A row keyed by {@code stored}, the key as the driver returned it: an integer of any width is
   * held as a {@code long}; null when the row's relations need no key.
   */
  static Loaded keyedBy(PlanNode node, Object entity, Object stored) {
    return integer(stored) ? new Loaded(node, entity, ((Number) stored).longValue())
        : new Loaded(node, entity, false, 0, stored);
  }

  private Loaded(PlanNode node, Object entity, boolean integerKey, long longKey, Object otherKey) {
    this.node = node;
    this.entity = entity;
    this.integerKey = integerKey;
    this.longKey = longKey;
    this.otherKey = otherKey;
    int count = node.mapping.relationCount();
    this.relations = count == 0 ? NONE : new Object[count];
  }

  static boolean integer(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte;
  }

  /** Whether the row has a key to load its to-many relations by. */
  boolean keyed() {
    return integerKey || otherKey != null;
  }

  /** The key, boxed: for the keys bound as a list and the map of parents that are not a range. */
  Object key() {
    return integerKey ? Long.valueOf(longKey) : otherKey;
  }

  /**
   * The entity that {@code row} stands for, with its relations set: {@code row} is a
   * {@link Loaded}, or already the entity when its node is a leaf (or null, an absent to-one).
   * {@code statements} holds, by {@link PlanNode#statement}, the rows each to-many statement read.
   */
  static Object build(Object row, Object[] statements) {
    return row instanceof Loaded loaded ? loaded.build(statements) : row;
  }

  /**
   * Rows {@code from} to {@code to} of {@code rows}, rows of {@code node}, built, as an immutable
   * list of exactly their number: one parent's children.
   */
  static List<Object> build(PlanNode node, Object[] rows, int from, int to,
      Object[] statements) {
    return node.leaf() ? Children.copyOf(rows, from, to) // already entities
        : buildOwn(node, Arrays.copyOfRange(rows, from, to), statements);
  }

  /**
   * {@code own}, rows of {@code node} in an array made for one parent alone, built in place, as
   * an immutable list over that array.
   */
  static List<Object> buildOwn(PlanNode node, Object[] own, Object[] statements) {
    if (!node.leaf()) {
      for (int i = 0; i < own.length; i++) {
        own[i] = build(own[i], statements);
      }
    }
    return Children.own(own);
  }

  /** The entity with every fetched relation set, built once, children first. */
  private Object build(Object[] statements) {
    if (built != null) {
      return built;
    }
    boolean any = false;
    // Each joined relation's row is replaced by what it builds into, in place: the holder is
    // built once, and an array of its own per row would cost a fifth of a many-to-many load's
    // extra allocation over hand-written code.
    Object[] values = relations;
    for (PlanNode.Edge edge : node.joined) {
      int i = edge.relation().index();
      values[i] = build(relations[i], statements);
      any |= values[i] != null;
    }
    for (PlanNode.Edge edge : node.keyed) {
      values[edge.relation().index()] = children(edge.child(), statements);
      any = true;
    }
    built = any ? mapping().withRelations(entity, values) : entity;
    return built;
  }

  /** This row's children of {@code child}, built, from the rows its statement read. */
  private List<Object> children(PlanNode child, Object[] statements) {
    Object read = statements[child.statement];
    if (read instanceof KeyedRows rows) {
      return integerKey ? rows.children(longKey, statements) : List.of();
    }
    if (read instanceof Map<?, ?> byKey && keyed()) {
      @SuppressWarnings("unchecked")
      List<Object> rows = (List<Object>) byKey.get(key());
      return rows == null ? List.of() : buildOwn(child, rows.toArray(), statements);
    }
    return List.of(); // no key, or no parent had one and the statement did not run
  }

  @SuppressWarnings("unchecked")
  private EntityMapping<Object> mapping() {
    return (EntityMapping<Object>) node.mapping;
  }
}
