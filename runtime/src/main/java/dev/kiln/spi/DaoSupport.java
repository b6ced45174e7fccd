package dev.kiln.spi;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.internal.EntityCache;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a generated {@code @Dao} implementation needs beyond its own SQL: running work on the
 * engine, expanding collection parameters, single-row results, and keeping the entity cache true
 * after writes.
 */
public final class DaoSupport {

  /** Marks where a collection parameter's {@code ?, ?, …} go; valid SQL as it stands. */
  public static final String LIST_MARKER = "/*list*/?";

  private final Engine engine;
  private final String dao;

  public DaoSupport(Database db, String dao) {
    this.engine = db.engine();
    this.dao = dao;
  }

  public Engine engine() {
    return engine;
  }

  /** Runs a reading method's work. */
  public <T> T read(String method, SqlWork<T> work) {
    return engine.read(null, "run " + dao + "." + method, work);
  }

  /** Runs a writing method's work on the writer (or the thread's transaction). */
  public <T> T write(String method, SqlWork<T> work) {
    return engine.write(null, "run " + dao + "." + method, work);
  }

  /** Streams the rows of a query; the stream must be closed. */
  public <T> Stream<T> stream(String sql, Engine.Binder binder, Engine.RowReader<T> reader) {
    return engine.stream(null, sql, binder, reader);
  }

  /**
   * Evicts every cached entity of {@code tables} once the write has committed: a statement whose
   * rows are not known may have changed any of them.
   */
  public void evictTables(List<String> tables) {
    EntityCache cache = engine.cache();
    if (cache != null) {
      engine.afterCommit(() -> tables.forEach(cache::evictTable));
    }
  }

  /**
   * The one row of a result that must have at most one; empty when there is none, or when the
   * row is a scalar whose value is SQL {@code NULL}.
   */
  public <T> Optional<T> single(String method, List<T> rows) {
    if (rows.size() > 1) {
      throw new KilnException(dao + "." + method + " found more than one row; return a List, or"
          + " use findFirst…/findTop… to take the first");
    }
    return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
  }

  /** The value of a scalar query that must return a row. */
  public <T> T required(String method, Optional<T> value) {
    return value.orElseThrow(() -> new KilnException(dao + "." + method
        + " found no row; return Optional to allow that"));
  }

  /**
   * {@code sql} with the {@code i}-th {@link #LIST_MARKER} replaced by {@code sizes[i]}
   * placeholders; an empty collection becomes an empty subquery, so {@code IN} matches nothing
   * and {@code NOT IN} everything.
   */
  public static String expand(String sql, int... sizes) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    int from = 0;
    for (int size : sizes) {
      int at = sql.indexOf(LIST_MARKER, from);
      out.append(sql, from, at);
      if (size == 0) {
        out.append("SELECT NULL WHERE 0");
      } else {
        out.append("?, ".repeat(size - 1)).append('?');
      }
      from = at + LIST_MARKER.length();
    }
    return out.append(sql, from, sql.length()).toString();
  }
}
