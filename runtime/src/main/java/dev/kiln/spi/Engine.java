package dev.kiln.spi;

import dev.kiln.Dialect;
import dev.kiln.KilnException;
import dev.kiln.internal.Connections;
import dev.kiln.internal.EntityCache;
import dev.kiln.internal.ErrorTranslator;
import dev.kiln.internal.Lease;
import dev.kiln.internal.QueryCache;
import dev.kiln.internal.Telemetry;
import dev.kiln.internal.Transaction;
import dev.kiln.internal.Transactions;
import dev.kiln.internal.fetch.FetchPlans;
import dev.kiln.mapping.Conn;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.EntityMapping;
import dev.kiln.mapping.SchemaProvider;
import dev.kiln.mapping.SqlWork;
import dev.kiln.migrations.dialect.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs generated work on the right connection: the thread's transaction if it has one, otherwise
 * a pooled reader for reads and the writer for writes. Every {@link SQLException} leaves here as a
 * {@link KilnException} that names the entity concerned.
 *
 * <p>Application code does not need this class; it is what {@code Database.engine()} hands to the
 * code Kiln generates.
 */
public final class Engine {

  /**
   * The largest limit a first result list is sized for: a page of a few hundred rows is not
   * copied as it grows, and a large limit that matches few rows does not reserve much.
   */
  private static final int MOST_ROWS_EXPECTED = 1024;

  private final Connections source;
  private final Transactions transactions;
  private final EntityCache cache;
  private final QueryCache queryCache;
  private final Telemetry telemetry;
  private final SqlDialect sql;
  private final FetchPlans fetchPlans;
  private final Map<String, Set<String>> affected = new ConcurrentHashMap<>();
  /** The SQL text of typed queries, by their shape: laid out once each. */
  private final Map<Object, String> queryTexts = new ConcurrentHashMap<>();
  private final Clock clock;

  /** Made by {@code Database}. */
  public Engine(Connections source, Transactions transactions, EntityCache cache,
      QueryCache queryCache, Telemetry telemetry, Clock clock) {
    this.queryCache = queryCache;
    this.clock = clock;
    this.source = source;
    this.transactions = transactions;
    this.cache = cache;
    this.telemetry = telemetry;
    this.sql = source.sql();
    this.fetchPlans = new FetchPlans(sql, source.keyLists());
  }

  /**
   * Now, for {@code @CreatedAt} and {@code @UpdatedAt}: the database's clock, to the
   * microsecond, which both engines store exactly.
   */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The engine this database runs on. */
  public Dialect dialect() {
    return source.dialect();
  }

  /** How SQL says what Kiln's conditions mean on this engine. */
  public SqlDialect sql() {
    return sql;
  }

  /** Runs {@code work} where it may read. */
  public <T> T read(EntityInfo info, String action, SqlWork<T> work) {
    try {
      Transaction tx = transactions.current();
      if (tx != null) {
        return work.run(tx.connection());
      }
      if (!source.hasReaders()) {
        return onWriter(work, info, action);
      }
      try (Lease reader = source.briefReader()) {
        try {
          return work.run(reader.session());
        } catch (SQLException e) {
          if (!source.retryRead(reader, e)) {
            throw e;
          }
        }
      }
      // A read replica went away under the read, which wrote nothing: once more, elsewhere.
      try (Lease reader = source.reader()) {
        return work.run(reader.session());
      }
    } catch (SQLException e) {
      throw ErrorTranslator.translate(source.errors(), e, info, action);
    }
  }

  /**
   * Runs {@code work}, whose result goes into a cache: like {@link #read}, but on the primary
   * when reads go to replicas, so that a replica that has not yet applied a write cannot put the
   * row from before it back into the cache after the write evicted it.
   */
  public <T> T readForCache(EntityInfo info, String action, SqlWork<T> work) {
    if (!source.hasReplicas() || transactions.current() != null) {
      return read(info, action, work);
    }
    try (Lease primary = source.writer()) {
      return work.run(primary.session());
    } catch (SQLException e) {
      throw ErrorTranslator.translate(source.errors(), e, info, action);
    }
  }

  /**
   * The result of {@code load} for {@code statement} with {@code values}, from the query cache
   * when it holds a live one; otherwise loaded, and kept until a write to one of {@code tables}
   * commits. Without a query cache, or inside a transaction (which must read its own writes, and
   * may see an older snapshot than the cache), it simply loads. The cache keeps its own copy of
   * a result and hands each caller another, made by {@code copy}, so that no caller can change
   * what the next one receives.
   */
  public <T> T cached(String statement, Collection<String> tables, List<?> values,
      Supplier<T> load, UnaryOperator<T> copy) {
    if (queryCache == null || transactions.current() != null) {
      return load.get();
    }
    QueryCache.Key key = new QueryCache.Key(statement, values);
    Object hit = queryCache.get(key);
    if (hit != QueryCache.MISS) {
      telemetry.queryCacheHit(statement);
      @SuppressWarnings("unchecked")
      T value = (T) hit;
      return value == null ? null : copy.apply(value);
    }
    telemetry.queryCacheMiss(statement);
    QueryCache.Tables read = queryCache.tables(tables);
    long[] stamp = queryCache.stamp(read); // before the read: see QueryCache
    // A replica may not have applied a write whose invalidation already ran: with replicas,
    // what goes into the cache is read in a transaction on the primary.
    T value = source.hasReplicas() ? transactions.inWriteTransaction(load) : load.get();
    queryCache.put(key, value == null ? null : copy.apply(value), read, stamp);
    return value;
  }

  /**
   * Forgets, once the current write has committed (or now, outside a transaction), the cached
   * entities of {@code tables} and the cached query results that read them.
   */
  public void changed(Collection<String> tables) {
    if (cache == null && queryCache == null) {
      return;
    }
    afterCommit(() -> {
      if (cache != null) {
        tables.forEach(cache::evictTable);
      }
      if (queryCache != null) {
        queryCache.invalidate(tables);
      }
    });
  }

  /**
   * Forgets, once the current write has committed, the cached entity of {@code table} with
   * {@code key}; the repository's write forgets the query results of the table.
   */
  public void changedRow(String table, Object key) {
    if (cache != null) {
      afterCommit(() -> cache.evict(table, key));
    }
  }

  /**
   * Forgets, once the current write has committed, the cached query results that read
   * {@code tables}.
   */
  public void queriesChanged(List<String> tables) {
    if (queryCache != null) {
      afterCommit(() -> queryCache.invalidate(tables));
    }
  }

  /** Forgets every cached entity and query result of {@code tables} now. */
  public void invalidate(Collection<String> tables) {
    if (cache != null) {
      tables.forEach(cache::evictTable);
    }
    if (queryCache != null) {
      queryCache.invalidate(tables);
    }
  }

  /** Forgets every cached entity and query result now. */
  public void invalidateAll() {
    if (cache != null) {
      cache.evictAll();
    }
    if (queryCache != null) {
      queryCache.invalidateAll();
    }
  }

  /** Runs {@code work}, a single write statement, on the writer (or the thread's transaction). */
  public <T> T write(EntityInfo info, String action, SqlWork<T> work) {
    try {
      Transaction tx = transactions.current();
      if (tx != null) {
        requireWrite(tx, info, action);
        return work.run(tx.connection());
      }
      return onWriter(work, info, action);
    } catch (SQLException e) {
      throw ErrorTranslator.translate(source.errors(), e, info, action);
    }
  }

  /**
   * Runs {@code work}, several writes, atomically: in its own transaction, or in a savepoint of
   * the thread's transaction, so that a failure half-way leaves nothing behind.
   */
  public <T> T writeAtomically(EntityInfo info, String action, SqlWork<T> work) {
    return transactions.inWriteTransaction(() -> {
      try {
        return work.run(transactions.current().connection());
      } catch (SQLException e) {
        throw ErrorTranslator.translate(source.errors(), e, info, action);
      }
    });
  }

  /** Runs {@code work}, several reads, in one read transaction so that they see one snapshot. */
  public <T> T readSnapshot(EntityInfo info, String action, SqlWork<T> work) {
    return transactions.inReadTransaction(() -> {
      try {
        return work.run(transactions.current().connection());
      } catch (SQLException e) {
        throw ErrorTranslator.translate(source.errors(), e, info, action);
      }
    });
  }

  /**
   * Streams the rows of a query. Outside a transaction the stream holds a reader until it is
   * closed, so close it (try-with-resources). An in-memory database has no readers to hold, so
   * there the rows are read at once.
   */
  public <T> Stream<T> stream(EntityInfo info, String sql, Binder binder, RowReader<T> reader) {
    Transaction tx = transactions.current();
    if (tx == null && !source.hasReaders()) {
      return read(info, "stream", conn -> readAll(conn, sql, binder, reader)).stream();
    }
    Lease borrowed = null;
    PreparedStatement statement = null;
    try {
      borrowed = tx == null ? source.reader() : null;
      Conn conn = tx == null ? borrowed.session() : tx.connection();
      statement = conn.prepareUncached(sql);
      binder.bind(statement);
      ResultSet rs = conn.query(statement);
      Lease held = borrowed;
      PreparedStatement owned = statement;
      RowSpliterator<T> rows = new RowSpliterator<>(rs, reader, info);
      return StreamSupport.stream(rows, false).onClose(() -> {
        // The rows count in the statement's figures while the connection is still the stream's:
        // its lease is held until now, or the transaction it ran in is still this thread's.
        if (tx == null || transactions.current() == tx) {
          conn.rowsRead(owned, rows.taken);
        }
        closeAll(info, rs, owned, held);
      });
    } catch (SQLException e) {
      closeAll(info, null, statement, borrowed);
      throw ErrorTranslator.translate(source.errors(), e, info, "stream");
    }
  }

  /** Runs every row of a query through {@code reader}. */
  public static <T> List<T> readAll(Conn conn, String sql, Binder binder, RowReader<T> reader)
      throws SQLException {
    return readAll(conn, sql, binder, reader, -1);
  }

  /**
   * {@link #readAll(Conn, String, Binder, RowReader)} for a query that returns at most
   * {@code rowLimit} rows (negative: no limit), into a list sized so that it is not copied as it
   * grows: for as many rows as the statement's last run returned, or the first time for the
   * limit when it is small.
   */
  public static <T> List<T> readAll(Conn conn, String sql, Binder binder, RowReader<T> reader,
      long rowLimit) throws SQLException {
    PreparedStatement ps = conn.prepare(sql);
    binder.bind(ps);
    List<T> rows = new ArrayList<>(expectedRows(conn.lastRows(ps), rowLimit));
    try (ResultSet rs = conn.query(ps)) {
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
    }
    conn.rowsRead(ps, rows.size());
    return rows;
  }

  /**
   * The rows to make room for: those of the statement's {@code lastRun} (negative: unknown),
   * never more than the limit; else the limit when it is small, and else a few.
   */
  static int expectedRows(int lastRun, long rowLimit) {
    long most = rowLimit < 0 ? Long.MAX_VALUE : rowLimit;
    if (lastRun >= 0) {
      return (int) Math.min(Math.max(lastRun, 1), most);
    }
    return most <= MOST_ROWS_EXPECTED ? (int) most : 10;
  }

  /**
   * The tables a delete from {@code mapping}'s table may change: it, and those its foreign keys'
   * actions reach ({@code ON DELETE CASCADE}, {@code SET NULL} …), from the compiled-in schema
   * that the mapping's class loader finds. Computed once a table.
   */
  Set<String> affectedBy(EntityMapping<?> mapping) {
    return affected.computeIfAbsent(mapping.info().table(), table -> Set.copyOf(
        SchemaProvider.all(mapping.getClass().getClassLoader()).affectedBy(List.of(table))));
  }

  /** Runs {@code action} after the thread's transaction commits, or now when there is none. */
  public void afterCommit(Runnable action) {
    Transaction tx = transactions.current();
    if (tx == null) {
      action.run();
    } else {
      transactions.afterCommit(tx, action);
    }
  }

  /**
   * Makes the database's connection pools report HikariCP's own metrics to trackers from
   * {@code factory} as well, from now on (for {@code kiln-micrometer}); once per database.
   */
  public void attachPoolMetrics(com.zaxxer.hikari.metrics.MetricsTrackerFactory factory) {
    source.attachPoolMetrics(factory);
  }

  /** This database's fetch plans, one per shape (for typed queries' {@code fetch}). */
  public FetchPlans fetchPlans() {
    return fetchPlans;
  }

  /**
   * The SQL text of typed queries by their shape (what decides the text apart from the values,
   * the entity's mapping among it), which {@code dev.kiln.query} lays out once a shape and
   * reuses: kept here, not per repository, since an application may make a repository for each
   * request.
   */
  public Map<Object, String> queryTexts() {
    return queryTexts;
  }

  /** The entity cache, or null when {@code entityCache(…)} was not configured. */
  EntityCache cache() {
    return cache;
  }

  Telemetry telemetry() {
    return telemetry;
  }

  /** Whether the thread is inside a transaction (where the entity cache is bypassed). */
  boolean inTransaction() {
    return transactions.current() != null;
  }

  private <T> T onWriter(SqlWork<T> work, EntityInfo info, String action) throws SQLException {
    return source.onWriter(work, action + (info == null ? "" : " " + info.entity()));
  }

  private static void requireWrite(Transaction tx, EntityInfo info, String action) {
    if (!tx.write()) {
      throw new KilnException("cannot " + action + (info == null ? "" : " " + info.entity())
          + " inside readTransaction(…): use transaction(…) for work that writes");
    }
  }

  private void closeAll(
      EntityInfo info, ResultSet rs, PreparedStatement statement, Lease borrowed) {
    SQLException failure = null;
    for (AutoCloseable closeable : new AutoCloseable[] {rs, statement, borrowed}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        failure = failure == null ? new SQLException(e) : failure;
      }
    }
    if (failure != null) {
      throw ErrorTranslator.translate(source.errors(), failure, info, "close a stream of");
    }
  }

  /** Binds the parameters of a statement. */
  @FunctionalInterface
  public interface Binder {
    /** Binds nothing. */
    Binder NONE = ps -> {};

    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private final class RowSpliterator<T> extends Spliterators.AbstractSpliterator<T> {
    private final ResultSet rs;
    private final RowReader<T> reader;
    private final EntityInfo info;
    /** The rows handed to the stream so far, counted in the statement's figures on close. */
    long taken;

    RowSpliterator(ResultSet rs, RowReader<T> reader, EntityInfo info) {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
      this.rs = rs;
      this.reader = reader;
      this.info = info;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      try {
        if (!rs.next()) {
          return false;
        }
        action.accept(reader.read(rs));
        taken++;
        return true;
      } catch (SQLException e) {
        throw ErrorTranslator.translate(source.errors(), e, info, "stream");
      }
    }
  }
}
