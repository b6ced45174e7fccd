package dev.kiln.internal.fetch;

import java.util.List;

/**
 * A row read during a fetch, before its graph is assembled: the entity as read (relations
 * unset), its key as SQLite stores it (to key the statements of its to-many relations), and the
 * relations loaded for it so far.
 */
final class Loaded {

  final PlanNode node;
  final Object entity;
  final Object storedKey;
  final Object[] relations;
  private Object built;

  Loaded(PlanNode node, Object entity, Object storedKey) {
    this.node = node;
    this.entity = entity;
    this.storedKey = storedKey;
    this.relations = new Object[node.mapping.relationCount()];
  }

  /** The entity with every fetched relation set, built once, children first. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Object build() {
    if (built != null) {
      return built;
    }
    boolean any = false;
    Object[] values = new Object[relations.length];
    for (int i = 0; i < relations.length; i++) {
      Object value = relations[i];
      if (value instanceof Loaded one) {
        values[i] = one.build();
      } else if (value instanceof List<?> many) {
        values[i] = many.stream().map(l -> ((Loaded) l).build()).toList();
      }
      any |= value != null;
    }
    built = any ? ((dev.kiln.spi.EntityMapping) node.mapping).withRelations(entity, values)
        : entity;
    return built;
  }
}
