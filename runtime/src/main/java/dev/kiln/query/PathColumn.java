package dev.kiln.query;

import dev.kiln.mapping.RelationInfo;
import dev.kiln.spi.ValueType;
import java.util.Objects;

/**
 * A column of the entity at the end of to-one relations, made by {@link Path#then(Column)}:
 * {@code InvoiceLine_.TRACK.then(Track_.GENRE_ID)}. A query that selects, groups or orders by it
 * joins the relations' tables ({@code LEFT JOIN}, so a row whose relation is empty keeps its
 * place with a null), one join per path however often it is used.
 *
 * @param <E> the entity the query is over
 * @param <T> the column's Java type
 */
public final class PathColumn<E, T> implements Selectable<E, T> {

  private final Path<E, ?> path;
  private final Column<?, T> column;

  PathColumn(Path<E, ?> path, Column<?, T> column) {
    for (RelationInfo<?, ?> step : path.steps()) {
      if (step.kind().many()) {
        throw new IllegalArgumentException(path + " reaches " + step + ", a to-many relation:"
            + " a column through it has many values; filter with " + path + ".any(…) instead");
      }
    }
    this.path = path;
    this.column = column;
  }

  @Override
  public String expression(SqlWriter sql) {
    return sql.joined(path) + "." + sql.dialect().quote(column.name());
  }

  @Override
  public ValueType<T> type() {
    return column.type();
  }

  @Override
  public Path<E, ?> path() {
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathColumn<?, ?> other && other.path.steps().equals(path.steps())
        && other.column == column;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path.steps(), column);
  }

  @Override
  public String toString() {
    return path + "." + column.property();
  }
}
