package dev.kiln.internal.fetch;

import java.util.List;

/**
 * A row read during a fetch whose node has relations, before its graph is assembled: the entity
 * as read (relations unset), its key as SQLite stores it (to key the statements of its to-many
 * relations), and the relations loaded for it so far: per joined relation the row read for it
 * (see {@link #build(Object)}), per to-many relation the list of rows read for it. Rows of leaf
 * nodes are kept as the entities themselves, with no holder.
 */
final class Loaded {

  private static final Object[] NONE = {};

  final PlanNode node;
  final Object entity;
  final Object storedKey;
  final Object[] relations;
  private Object built;

  Loaded(PlanNode node, Object entity, Object storedKey) {
    this.node = node;
    this.entity = entity;
    this.storedKey = storedKey;
    int count = node.mapping.relationCount();
    this.relations = count == 0 ? NONE : new Object[count];
  }

  /**
   * The entity that {@code row} stands for, with its relations set: {@code row} is a
   * {@link Loaded}, or already the entity when its node is a leaf (or null, an absent to-one).
   */
  static Object build(Object row) {
    return row instanceof Loaded loaded ? loaded.build() : row;
  }

  /** The entity with every fetched relation set, built once, children first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Object build() {
    if (built != null) {
      return built;
    }
    boolean any = false;
    // Each relation's row or rows are replaced by what they build into, in place: the holder is
    // built once, and an array of its own per row would cost a fifth of a many-to-many load's
    // extra allocation over hand-written code.
    Object[] values = relations;
    for (PlanNode.Edge edge : node.joined) {
      int i = edge.relation().index();
      values[i] = build(relations[i]);
      any |= values[i] != null;
    }
    for (PlanNode.Edge edge : node.keyed) {
      int i = edge.relation().index();
      List<Object> many = (List<Object>) relations[i];
      if (edge.child().leaf()) {
        values[i] = many; // already entities, in an immutable list
      } else {
        Object[] elements = new Object[many.size()];
        for (int j = 0; j < elements.length; j++) {
          elements[j] = build(many.get(j));
        }
        values[i] = Children.own(elements);
      }
      any = true;
    }
    built = any ? ((dev.kiln.mapping.EntityMapping) node.mapping).withRelations(entity, values)
        : entity;
    return built;
  }
}
