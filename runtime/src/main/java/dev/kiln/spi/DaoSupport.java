package dev.kiln.spi;

import dev.kiln.KilnException;
import dev.kiln.mapping.SqlWork;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * What a generated {@code @Dao} implementation needs beyond its own SQL: running work on the
 * engine, expanding collection parameters, single-row results, and keeping the entity cache true
 * after writes.
 */
public final class DaoSupport {

  /** Marks where a collection parameter's {@code ?, ?, …} go; valid SQL as it stands. */
  public static final String LIST_MARKER = "/*list*/?";

  /**
   * Marks where a collection parameter's {@code ?, ?, …} go inside PostgreSQL's
   * {@code ARRAY[…]::type[]}, where an empty collection leaves an empty, typed array.
   */
  public static final String ARRAY_MARKER = "/*array*/?";

  private final Engine engine;
  private final String dao;

  public DaoSupport(Engine engine, String dao) {
    this.engine = engine;
    this.dao = dao;
  }

  /** Now, to the microsecond: the time a derived delete marks {@code @SoftDelete} rows with. */
  public Instant now() {
    return engine.now();
  }

  public Engine engine() {
    return engine;
  }

  /** Whether the database is PostgreSQL, whose statements some methods write differently. */
  public boolean postgresql() {
    return engine.dialect() == dev.kiln.Dialect.POSTGRESQL;
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
   * Forgets every cached entity and query result of {@code tables} once the write has committed:
   * a statement whose rows are not known may have changed any of them.
   */
  public void evictTables(List<String> tables) {
    engine.changed(tables);
  }

  /**
   * The rows of a {@code @Cached} method: from the query cache while no write to
   * {@code tables} (the tables its statement reads, found at build time) has committed since
   * they were read; otherwise from {@code load}. {@code copy} makes a caller's own copy of a row
   * that is a mutable entity; null when rows are immutable.
   */
  public <T> List<T> cached(String sql, List<String> tables, List<?> arguments,
      Supplier<List<T>> load, UnaryOperator<T> copy) {
    return engine.cached(sql, tables, arguments, load, rows -> copyOf(rows, copy));
  }

  /**
   * The arguments of a call as a cache key: collections copied, so that a caller changing its
   * collection afterwards cannot change the key of an entry.
   */
  public static List<Object> arguments(Object... arguments) {
    List<Object> key = new ArrayList<>(arguments.length);
    for (Object argument : arguments) {
      key.add(argument instanceof Collection<?> c ? new ArrayList<>(c)
          : argument instanceof byte[] bytes ? List.of(HexFormat.of().formatHex(bytes))
          : argument);
    }
    return key;
  }

  /** A list the caller owns, with rows copied by {@code copy} when it is not null. */
  static <T> List<T> copyOf(List<T> rows, UnaryOperator<T> copy) {
    List<T> copied = new ArrayList<>(rows.size());
    for (T row : rows) {
      copied.add(copy == null || row == null ? row : copy.apply(row));
    }
    return copied;
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

  /** A list marker, with the PostgreSQL type of its elements when known, or an array marker. */
  private static final Pattern MARKER = Pattern.compile("/\\*(list|array)(?: ([a-z ]+))?\\*/\\?");

  /**
   * {@code sql} with the {@code i}-th marker ({@link #LIST_MARKER}, {@code /*list type*}{@code /?}
   * or {@link #ARRAY_MARKER}) replaced by {@code sizes[i]} placeholders. An empty collection
   * becomes an empty subquery in a list, so {@code IN} matches nothing and {@code NOT IN}
   * everything (on PostgreSQL typed as the elements, which it compares with), and nothing in an
   * array.
   */
  public String expand(String sql, int... sizes) {
    StringBuilder out = new StringBuilder(sql.length() + 16);
    Matcher marker = MARKER.matcher(sql);
    int from = 0;
    for (int size : sizes) {
      if (!marker.find()) {
        throw new IllegalStateException("fewer collection markers than collections: " + sql);
      }
      out.append(sql, from, marker.start());
      if (size > 0) {
        out.append("?, ".repeat(size - 1)).append('?');
      } else if (marker.group(1).equals("list")) {
        out.append(!postgresql() ? "SELECT NULL WHERE 1 = 0" : marker.group(2) == null
            ? "SELECT NULL WHERE false" : "SELECT NULL::" + marker.group(2) + " WHERE false");
      }
      from = marker.end();
    }
    return out.append(sql, from, sql.length()).toString();
  }
}
