package dev.kiln.query;

import dev.kiln.mapping.RelationInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain of relations that starts at entity {@code E} and ends at entity {@code T}, naming what
 * a fetch loads: {@code Author_.BOOKS} is a {@code Path<Author, Book>}, and
 * {@code Author_.BOOKS.then(Book_.REVIEWS)} a {@code Path<Author, Review>}. A path that does not
 * start at the repository's entity does not compile.
 *
 * @param <E> the entity the path starts at
 * @param <T> the entity it ends at
 */
public sealed class Path<E, T> permits Relation {

  private final List<RelationInfo<?, ?>> steps;

  Path(List<RelationInfo<?, ?>> steps) {
    this.steps = List.copyOf(steps);
  }

  /** This path followed by {@code next}, which starts where this one ends. */
  public <U> Path<E, U> then(Path<T, U> next) {
    List<RelationInfo<?, ?>> joined = new ArrayList<>(steps);
    joined.addAll(next.steps);
    return new Path<>(joined);
  }

  /** The relations from the start to the end, in order. */
  public List<RelationInfo<?, ?>> steps() {
    return steps;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (RelationInfo<?, ?> step : steps) {
      text.append(text.length() == 0 ? step.source().info().entity() : "").append('.')
          .append(step.name());
    }
    return text.toString();
  }
}
