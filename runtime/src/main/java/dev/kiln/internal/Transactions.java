package dev.kiln.internal;

import dev.kiln.KilnException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Binds transactions to threads. A write transaction holds the writer from {@code BEGIN IMMEDIATE}
 * to {@code COMMIT}; a read transaction holds one reader in a {@code BEGIN} so that every
 * statement in it sees one snapshot. Nested calls become savepoints; an exception rolls back the
 * innermost level and is rethrown unchanged.
 */
public final class Transactions {

  private final ConnectionSource source;
  private final Telemetry telemetry;
  private final ThreadLocal<Transaction> current = new ThreadLocal<>();
  private final Duration writeTimeout;

  public Transactions(ConnectionSource source, Telemetry telemetry, Duration writeTimeout) {
    this.source = source;
    this.telemetry = telemetry;
    this.writeTimeout = writeTimeout;
  }

  /** The thread's transaction, or null. */
  public Transaction current() {
    return current.get();
  }

  /** Runs {@code action} once {@code tx} commits; see {@link Transaction#afterCommit}. */
  public void afterCommit(Transaction tx, Runnable action) {
    tx.afterCommit(action);
  }

  /** Runs {@code work} in a write transaction, or in a savepoint of the thread's transaction. */
  public <T> T inWriteTransaction(Supplier<T> work) {
    Transaction tx = current.get();
    if (tx != null) {
      if (!tx.write) {
        throw new KilnException("cannot write inside readTransaction(…): a read transaction"
            + " holds a snapshot that SQLite cannot turn into a write; use transaction(…) for"
            + " work that writes");
      }
      return inSavepoint(tx, work);
    }
    source.lockWriter();
    try {
      return inNewTransaction(source.writer(), true, "BEGIN IMMEDIATE", work);
    } finally {
      source.unlockWriter();
    }
  }

  /**
   * Runs {@code work} in a read transaction on a reader (one snapshot for all its statements), or
   * inside the thread's transaction, which already is one.
   */
  public <T> T inReadTransaction(Supplier<T> work) {
    if (current.get() != null) {
      return work.get();
    }
    if (!source.hasReaders()) {
      return inWriteTransaction(work);
    }
    try (Connection borrowed = source.borrowReader()) {
      return inNewTransaction(ConnectionSource.physical(borrowed), false, "BEGIN", work);
    } catch (SQLException e) {
      throw new KilnException("cannot open a read transaction: " + e.getMessage(), e);
    }
  }

  private <T> T inNewTransaction(
      KilnConnection connection, boolean write, String begin, Supplier<T> work) {
    Transaction tx = new Transaction(connection, write);
    if (write) {
      // Another process may hold SQLite's write lock; nothing has run yet, so wait it out.
      try {
        SqliteBusy.retry(() -> {
          connection.execute(begin);
          return null;
        }, writeTimeout, "begin a write");
      } catch (SQLException e) {
        throw ErrorTranslator.translate(e, null, "begin a write");
      }
    } else {
      control(connection, begin);
    }
    current.set(tx);
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      current.remove();
      rollback(connection, e);
      throw e;
    }
    current.remove();
    try {
      connection.execute("COMMIT");
    } catch (SQLException e) {
      rollback(connection, e);
      throw ErrorTranslator.translate(e, null, "commit");
    }
    telemetry.commits.increment();
    tx.committed();
    return result;
  }

  private <T> T inSavepoint(Transaction tx, Supplier<T> work) {
    String name = "kiln_" + (++tx.savepoints);
    control(tx.connection, "SAVEPOINT " + name);
    try {
      T result = work.get();
      control(tx.connection, "RELEASE " + name);
      return result;
    } catch (RuntimeException | Error e) {
      try {
        tx.connection.execute("ROLLBACK TO " + name);
        tx.connection.execute("RELEASE " + name);
        telemetry.rollbacks.increment();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      tx.savepoints--;
    }
  }

  private void rollback(KilnConnection connection, Throwable cause) {
    try {
      connection.execute("ROLLBACK");
      telemetry.rollbacks.increment();
    } catch (SQLException e) {
      // A failed COMMIT, a full disk or an interrupt can end the transaction themselves; then
      // there is nothing left to roll back and SQLite says so.
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        cause.addSuppressed(e);
      }
    }
  }

  private static void control(KilnConnection connection, String sql) {
    try {
      connection.execute(sql);
    } catch (SQLException e) {
      throw ErrorTranslator.translate(e, null, sql.toLowerCase(java.util.Locale.ROOT));
    }
  }
}
