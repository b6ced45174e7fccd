package dev.kiln.spi;

import dev.kiln.KilnException;
import dev.kiln.OptimisticLockException;
import dev.kiln.internal.EntityCache;
import dev.kiln.mapping.Conn;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.EntityMapping;
import dev.kiln.mapping.SqlWork;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every generated repository needs beyond its own SQL: running work on the engine, the entity
 * cache, and the errors of writes that found no row.
 *
 * @param <E> the entity
 */
public final class RepositorySupport<E> {

  private static final int KEYS_PER_STATEMENT = 512;

  /**
   * The rows one JDBC batch of {@code updateAll} and {@code deleteAll} carries: large inputs go
   * in several batches, within the same transaction.
   */
  public static final int BATCH = 1000;

  private final Engine engine;
  private final EntityMapping<E> mapping;
  private final EntityInfo info;
  private final String selectList;
  private final String nextKeySql;

  /** This entity's table, as a list of one. */
  private final List<String> table;
  /** The table's name quoted, as {@code pg_get_serial_sequence} takes it: once, not per insert. */
  private final String quotedTable;

  public RepositorySupport(Engine engine, EntityMapping<E> mapping) {
    this.engine = engine;
    this.mapping = mapping;
    this.info = mapping.info();
    this.table = List.of(info.table());
    this.quotedTable = engine.sql().quote(info.table());
    engine.telemetry().slowQueryLog().know(info);
    this.selectList = info.columns().stream()
        .map(dev.kiln.migrations.schema.SqliteDdl::quote).collect(Collectors.joining(", "));
    String table = dev.kiln.migrations.schema.SqliteDdl.quote(info.table());
    this.nextKeySql = "SELECT (SELECT max(" + dev.kiln.migrations.schema.SqliteDdl.quote(
        info.keyColumns().get(0)) + ") FROM " + table + "),"
        + " EXISTS (SELECT 1 FROM sqlite_schema WHERE tbl_name = ?1 COLLATE NOCASE"
        + " AND (type = 'trigger' OR (type = 'table' AND sql LIKE '%AUTOINCREMENT%')))"
        + " OR EXISTS (SELECT 1 FROM sqlite_temp_schema WHERE tbl_name = ?1 COLLATE NOCASE"
        + " AND type = 'trigger')";
  }

  public Engine engine() {
    return engine;
  }

  /** The engine the repository's database runs on. */
  public dev.kiln.Dialect dialect() {
    return engine.dialect();
  }

  public EntityMapping<E> mapping() {
    return mapping;
  }

  public EntityInfo info() {
    return info;
  }

  /** The quoted column list every {@code SELECT} of this entity reads. */
  public String selectList() {
    return selectList;
  }

  /** Now, to the microsecond, for {@code @CreatedAt} and {@code @UpdatedAt}. */
  public Instant now() {
    return engine.now();
  }

  public <T> T read(String action, SqlWork<T> work) {
    return engine.read(info, action, work);
  }

  /**
   * Runs {@code work}, a write to this entity's table, and then forgets the cached query results
   * that read the table, once the write commits. (Cached entities are evicted by key, by the
   * generated code, which knows the rows.)
   */
  public <T> T write(String action, SqlWork<T> work) {
    T result = engine.write(info, action, work);
    engine.queriesChanged(table);
    return result;
  }

  /** Runs {@code work}, several writes, atomically; see {@link #write}. */
  public <T> T writeAtomically(String action, SqlWork<T> work) {
    T result = engine.writeAtomically(info, action, work);
    engine.queriesChanged(table);
    return result;
  }

  /**
   * Finds an entity by key through the entity cache when one is configured. Inside a transaction
   * the cache is bypassed: the transaction may see rows that are not committed, or an older
   * snapshot, and neither may reach other threads.
   */
  public Optional<E> findByKey(Object key, SqlWork<Optional<E>> work) {
    EntityCache cache = engine.cache();
    if (cache == null || engine.inTransaction()) {
      return read("find", work);
    }
    @SuppressWarnings("unchecked")
    E hit = (E) cache.get(info.table(), key);
    if (hit != null) {
      engine.telemetry().cacheHits.increment();
      return Optional.of(mapping.copy(hit));
    }
    engine.telemetry().cacheMisses.increment();
    long generation = cache.generation();
    Optional<E> loaded = engine.readForCache(info, "find", work);
    loaded.ifPresent(e -> cache.putIfUnchanged(info.table(), key, mapping.copy(e), generation));
    return loaded;
  }

  /**
   * Puts every row {@code findAll} reads into the entity cache; returns how many. Read like a
   * cache miss (on the primary when reads go to replicas), and stored only if no write evicted
   * anything meanwhile, so that warming never puts back a row a write has changed.
   */
  public long warm(String findAll) {
    EntityCache cache = engine.cache();
    if (cache == null) {
      throw new KilnException("warm() fills the entity cache of " + info.entity() + ", and this"
          + " database has none: add entityCache(maxEntries, ttl) to its builder");
    }
    long generation = cache.generation();
    List<E> all = engine.readForCache(info, "warm", conn -> Engine.readAll(conn, findAll,
        Engine.Binder.NONE, rs -> mapping.read(rs, 1)));
    for (E entity : all) {
      cache.putIfUnchanged(info.table(), mapping.key(entity), mapping.copy(entity), generation);
    }
    return all.size();
  }

  /**
   * The keys the database gives the next {@code count} rows inserted without one, in order, or
   * null when they cannot be told in advance; {@code conn} must be in a write transaction.
   * {@code insertAll} uses them to insert new entities, keys included, as one JDBC batch.
   *
   * <p>On SQLite they follow the largest key ({@link #firstGeneratedKey}). On PostgreSQL they are
   * drawn from the identity column's sequence in one statement: unique whatever other nodes
   * insert meanwhile, though not always consecutive.
   *
   * @param limit the largest key the entity's key type holds
   */
  public long[] generatedKeys(Conn conn, int count, long limit) throws SQLException {
    if (engine.dialect() == dev.kiln.Dialect.SQLITE) {
      long first = firstGeneratedKey(conn, count, limit);
      if (first < 0) {
        return null;
      }
      long[] keys = new long[count];
      for (int i = 0; i < count; i++) {
        keys[i] = first + i;
      }
      return keys;
    }
    // The sequence is looked up once, in a subquery the planner keeps (OFFSET 0): written inside
    // nextval(…), pg_get_serial_sequence ran for every key, 2.7 ms of catalog lookups per
    // 1,000 keys against 0.4 ms for the keys themselves.
    PreparedStatement ps = conn.prepare("SELECT nextval(s.seq) FROM (SELECT"
        + " pg_get_serial_sequence(?, ?)::regclass AS seq OFFSET 0) s, generate_series(1, ?)");
    ps.setString(1, quotedTable);
    ps.setString(2, info.keyColumns().get(0));
    ps.setInt(3, count);
    long[] keys = new long[count];
    int i = 0;
    try (ResultSet rs = conn.query(ps)) {
      while (rs.next()) {
        keys[i++] = rs.getLong(1);
      }
    }
    for (long key : keys) {
      if (key > limit) {
        throw new KilnException("cannot insert " + info.entity() + ": its key sequence is past "
            + limit + ", the largest key its type holds; make the key a long");
      }
    }
    return keys;
  }

  /**
   * The key SQLite would give the first of {@code count} rows inserted now without one (the next
   * get the following keys), or -1 when that cannot be told in advance; {@code conn} must be in a
   * write transaction. {@code insertAll} uses it to insert new entities, keys included, as one
   * JDBC batch: through sqlite-jdbc one {@code INSERT … RETURNING} per row costs about twice as
   * much per row as a batch.
   *
   * <p>A write transaction holds SQLite's write lock, so no one else inserts meanwhile, and SQLite
   * gives a row inserted without a key the largest key in the table plus one (1 in an empty
   * table). It may choose otherwise only for an {@code AUTOINCREMENT} table (which never reuses
   * the keys of deleted rows), when the largest key is the largest integer (then it picks keys at
   * random), or when a trigger inserts rows of its own; for those, and for a negative largest
   * key, this answers -1 and the rows are inserted one by one for SQLite to choose.
   *
   * @param limit the largest key the entity's key type holds
   */
  private long firstGeneratedKey(Conn conn, int count, long limit) throws SQLException {
    PreparedStatement ps = conn.prepare(nextKeySql);
    ps.setString(1, info.table());
    try (ResultSet rs = conn.query(ps)) {
      rs.next();
      long largest = rs.getLong(1); // 0 for an empty table
      boolean special = rs.getBoolean(2);
      if (special || largest < 0 || largest > limit - count) {
        return -1;
      }
      return largest + 1;
    }
  }

  /**
   * Forgets, once the write that changed it has committed, the cached entity with {@code key}
   * and the cached query results that read this table.
   */
  public void evict(Object key) {
    engine.changedRow(info.table(), key);
  }

  /** Forgets, once the current write has committed, everything cached of this table. */
  public void evictAll() {
    engine.changed(List.of(info.table()));
  }

  /**
   * Forgets, once the current write has committed, everything cached of this table and of the
   * tables its foreign keys' actions reach: what a delete — or an update of a referenced key —
   * may have changed beyond the rows it names.
   */
  public void evictAffected() {
    engine.changed(engine.affectedBy(mapping));
  }

  /**
   * Forgets, once the current write has committed, everything cached of the other tables its
   * foreign keys' actions reach: a delete by key forgets its own row itself.
   */
  public void evictCascaded() {
    Set<String> tables = engine.affectedBy(mapping);
    if (tables.size() > 1) {
      engine.changed(tables.stream().filter(t -> !t.equals(info.table())).toList());
    }
  }

  /**
   * Finds the entities with {@code keys}: {@code selectPrefix} + {@code ?, ?, …} +
   * {@code orderSuffix}, one statement per 512 keys. The last group is padded to a power of two
   * by repeating its last key, so that at most ten distinct statements reach the statement cache.
   */
  public <K> List<E> findAllByKeys(
      Collection<K> keys, String selectPrefix, String orderSuffix, KeyBinder<K> binder) {
    List<K> list = new ArrayList<>(keys.size());
    for (K key : keys) {
      Checks.key(key, info.entity(), "key");
      list.add(key);
    }
    if (list.isEmpty()) {
      return List.of();
    }
    return read("find", conn -> {
      List<E> found = new ArrayList<>();
      for (int from = 0; from < list.size(); from += KEYS_PER_STATEMENT) {
        List<K> group = list.subList(from, Math.min(list.size(), from + KEYS_PER_STATEMENT));
        int size = group.size() == 1 ? 1 : Integer.highestOneBit(group.size() - 1) << 1;
        String sql = selectPrefix + String.join(", ", Collections.nCopies(size, "?"))
            + orderSuffix;
        PreparedStatement ps = conn.prepare(sql);
        for (int i = 0; i < size; i++) {
          binder.bind(ps, i + 1, group.get(Math.min(i, group.size() - 1)));
        }
        int before = found.size();
        try (ResultSet rs = conn.query(ps)) {
          while (rs.next()) {
            found.add(mapping.read(rs, 1));
          }
        }
        conn.rowsRead(ps, found.size() - before);
      }
      return found;
    });
  }

  /** Binds one key value. */
  @FunctionalInterface
  public interface KeyBinder<K> {
    void bind(PreparedStatement ps, int index, K key) throws SQLException;
  }

  /** The error for an update that changed no row. */
  public KilnException notUpdated(E entity, boolean versioned) {
    Object key = mapping.key(entity);
    if (versioned) {
      return new OptimisticLockException("cannot update " + info.entity() + " " + key
          + ": another writer changed or deleted it since it was read (its @Version no longer"
          + " matches); reload it and apply the change again");
    }
    return new KilnException("cannot update " + info.entity() + " " + key
        + ": no row has this key; insert it first, or use upsert(…)");
  }

  /** The error for a versioned delete that found the row changed. */
  public OptimisticLockException staleDelete(E entity) {
    return new OptimisticLockException("cannot delete " + info.entity() + " "
        + mapping.key(entity) + ": another writer changed it since it was read (its @Version no"
        + " longer matches); reload it and decide again");
  }
}
