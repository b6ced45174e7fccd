package dev.kiln.query;

import dev.kiln.mapping.RelationInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

  /**
   * {@code column} of the entity at the end of this path of to-one relations, to select, group
   * or order by: {@code InvoiceLine_.TRACK.then(Track_.GENRE_ID)}. To filter by it, use
   * {@link #any(Condition)}.
   *
   * @throws IllegalArgumentException when the path has a to-many relation
   */
  public <V> PathColumn<E, V> then(Column<T, V> column) {
    return new PathColumn<>(this, Objects.requireNonNull(column, "column"));
  }

  /**
   * The rows with at least one related row at the end of this path that matches
   * {@code condition}: {@code Author_.BOOKS.any(Book_.PRICE.lt(ten))} (authors with a book under
   * ten), {@code Book_.AUTHOR.any(Author_.NAME.eq("Ann"))} (books whose author is Ann). Written
   * as {@code key IN (SELECT …)}, so a root is never repeated, {@code limit} counts roots, and
   * the condition also serves {@code update} and {@code delete}.
   */
  public Condition<E> any(Condition<T> condition) {
    Objects.requireNonNull(condition, "condition");
    return sql -> Conditions.related(sql, steps, 0, condition);
  }

  /** The rows with at least one related row at the end of this path. */
  public Condition<E> any() {
    return any(Condition.allOf());
  }

  /** The rows with no related row at the end of this path that matches {@code condition}. */
  public Condition<E> none(Condition<T> condition) {
    return any(condition).not();
  }

  /** The rows with no related row at the end of this path. */
  public Condition<E> none() {
    return any().not();
  }

  /**
   * The rows whose related rows at the end of this path all match {@code condition}; true for a
   * row with none (as {@link java.util.stream.Stream#allMatch} is on an empty stream). A related
   * row for which the condition is SQL {@code NULL} does not match.
   */
  public Condition<E> all(Condition<T> condition) {
    Objects.requireNonNull(condition, "condition");
    Condition<T> fails = sql -> {
      sql.append("(");
      condition.writeTo(sql);
      sql.append(") IS NOT TRUE");
    };
    return any(fails).not();
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
