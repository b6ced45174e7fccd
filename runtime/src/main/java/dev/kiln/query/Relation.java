package dev.kiln.query;

import dev.kiln.mapping.RelationInfo;
import java.util.List;

/**
 * One {@code @Relation} property in the metamodel ({@code Author_.BOOKS}): a path of one step,
 * from entity {@code E} to the related entity {@code T} (the element type for a list).
 *
 * @param <E> the entity that declares the relation
 * @param <T> the related entity
 */
public final class Relation<E, T> extends Path<E, T> {

  private final RelationInfo<E, T> info;

  /** Made by generated metamodels. */
  public Relation(RelationInfo<E, T> info) {
    super(List.of(info));
    this.info = info;
  }

  /** What the relation joins, for the fetch planner. */
  public RelationInfo<E, T> info() {
    return info;
  }
}
