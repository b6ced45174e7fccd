package dev.kiln.internal;

import dev.kiln.Dialect;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where an engine's connections come from. SQLite lends its one writer under an in-process lock
 * and readers from a pool; PostgreSQL lends pooled connections to the primary for writes and to
 * the read replicas, if any, for reads.
 */
public interface Connections extends AutoCloseable {

  Dialect dialect();

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

  /** How long a write waits for the database. */
  Duration writeTimeout();

  @Override
  void close();
}
