package dev.kiln.query;

import dev.kiln.migrations.dialect.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * What decides the SQL text of a typed query apart from the values it binds: what it reads, its
 * selection, groups and orders, whether it pages, and the columns, operators and structure of its
 * conditions. Two queries of one shape lay out the same text, so a database keeps the text by
 * shape and a repeated query only gathers its values.
 *
 * <p>Each part describes itself with a marker first (its class, or a word), so that the parts of
 * two different queries cannot run together into one key. A condition that cannot describe
 * itself — a lambda, a keyset — leaves the shape unknown, and its query is laid out each time.
 */
final class Shape {

  private final SqlDialect dialect;
  private final List<Object> parts = new ArrayList<>(16);
  private boolean known = true;

  /** A shape for a query of {@code kind} ({@code "select"}, {@code "count"} …). */
  Shape(SqlDialect dialect, String kind) {
    this.dialect = dialect;
    parts.add(kind);
  }

  /** The engine the SQL is for, which some conditions' SQL depends on. */
  SqlDialect dialect() {
    return dialect;
  }

  /** Adds a part: a column, an operator, a flag, a marker. */
  Shape add(Object part) {
    parts.add(part);
    return this;
  }

  /**
   * Adds each of {@code items} after their number: Kiln's columns, aggregates and columns through
   * relations, which are equal when they write the same SQL. Any other kind leaves the shape
   * unknown, since its equality says nothing about its SQL.
   */
  Shape items(List<? extends Selectable<?, ?>> items) {
    parts.add(items.size());
    for (Selectable<?, ?> item : items) {
      item(item);
    }
    return this;
  }

  /** Adds {@code item}, as {@link #items} does. */
  Shape item(Selectable<?, ?> item) {
    known &= describable(item);
    parts.add(item);
    return this;
  }

  /** Whether {@code item} is of a kind Kiln made, down to an aggregate's argument. */
  private static boolean describable(Selectable<?, ?> item) {
    return item instanceof Column<?, ?> || item instanceof PathColumn<?, ?>
        || item instanceof Aggregate<?, ?> aggregate
            && (aggregate.argument() == null || describable(aggregate.argument()));
  }

  /** Adds {@code condition}'s shape; null adds a marker of its own. */
  Shape condition(Condition<?> condition) {
    if (condition == null) {
      parts.add(Shape.class);
    } else if (condition instanceof Shaped shaped) {
      shaped.describe(this);
    } else {
      known = false;
    }
    return this;
  }

  /** Makes the shape unknown: something in the query cannot describe its SQL. */
  void unknown() {
    known = false;
  }

  /** The key that tells shapes apart (equal parts, equal key); null when the shape is unknown. */
  Object key() {
    return known ? parts : null;
  }

  /** A condition whose SQL text depends only on what it adds to a {@link Shape}. */
  interface Shaped {

    /**
     * Adds what decides this condition's SQL — its class first, then its columns, operators and
     * whatever about its values changes the text — but not the values themselves.
     */
    void describe(Shape shape);
  }
}
