package dev.kiln.internal;

import dev.kiln.Dialect;
import dev.kiln.Health;
import dev.kiln.PoolStats;
import dev.kiln.mapping.SqlWork;
import dev.kiln.migrations.dialect.SqlDialect;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Where an engine's connections come from, and the one place where the layers above learn what
 * differs between engines. SQLite lends its one writer under an in-process lock and readers from
 * a pool; PostgreSQL lends pooled connections to the primary for writes and to the read
 * replicas, if any, for reads.
 */
public interface Connections extends AutoCloseable {

  Dialect dialect();

  /** The engine's SQL: conditions, key lists, upserts. */
  SqlDialect sql();

  /**
   * The engine's plan of {@code sql}, read on a connection of the pool (outside any
   * transaction) without running it.
   */
  StatementPlan plan(String sql) throws SQLException;

  /**
   * Makes every pool also report to trackers from {@code factory} (HikariCP's metrics, for
   * Micrometer and the like).
   */
  void attachPoolMetrics(com.zaxxer.hikari.metrics.MetricsTrackerFactory factory);

  /**
   * A connection for one short read outside any transaction; by default a reader. An engine may
   * lend a better one: SQLite lends its writer while it is idle (see
   * {@code ConnectionSource#briefReader}).
   */
  default Lease briefReader() throws SQLException {
    return reader();
  }

  /** The engine's upkeep: statistics, checkpoints, vacuum, integrity checks. */
  EngineMaintenance maintenance();

  /** How the engine's errors read. */
  EngineErrors errors();

  /** How a list of keys is bound to the one parameter of {@link SqlDialect#inBoundList}. */
  KeyLists keyLists();

  /**
   * Begins a transaction on {@code session}, which nothing has used since it was lent. An engine
   * whose database another process can lock (SQLite) waits that lock out, up to the write
   * timeout: nothing has run yet, so beginning again is safe.
   */
  default void begin(Session session, boolean write) throws SQLException {
    session.begin(write);
  }

  /**
   * Runs {@code work}, one statement in auto-commit mode, on the writer. An engine whose database
   * another process can lock (SQLite) runs it again once the lock is free: the statement that
   * met the lock changed nothing.
   *
   * @param what what the work does, for the message: {@code "insert Author"}
   */
  default <T> T onWriter(SqlWork<T> work, String what) throws SQLException {
    try (Lease writer = writer()) {
      return work.run(writer.session());
    }
  }

  /** A connection for writes, in auto-commit mode; waits at most the write timeout. */
  Lease writer() throws SQLException;

  /** A connection for reads outside a transaction, or for a read transaction. */
  Lease reader() throws SQLException;

  /**
   * Whether reads have connections of their own; when not (an in-memory SQLite database, which
   * one connection sees), reads use the writer and a read transaction is a write transaction.
   */
  boolean hasReaders();

  /**
   * Whether a read that failed with {@code e} on {@code lease} may run again on another
   * connection (a read replica that went away); false by default.
   */
  default boolean retryRead(Lease lease, SQLException e) {
    return false;
  }

  /** Whether reads go to read replicas, which may lag behind the writes. */
  default boolean hasReplicas() {
    return false;
  }

  /** The connections now, and how long threads waited for them. */
  PoolStats poolStats();

  /** The engine's own checks for {@code db.health()}, by name; none by default. */
  default Map<String, Health.Check> engineChecks() {
    return Map.of();
  }

  /** How long a write waits for the database. */
  Duration writeTimeout();

  @Override
  void close();
}
