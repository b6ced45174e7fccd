package dev.kiln.internal.sqlite;

import dev.kiln.migrations.MigrationException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Takes SQLite's write lock with {@code BEGIN IMMEDIATE} and keeps it until the run commits: a
 * second migrator, in this process or another, waits here, and once it gets the lock it reads a
 * history in which the first one's work is done. Waiting goes beyond the connection's busy
 * timeout, up to the migrator's lock timeout, since a long migration can hold the lock for longer.
 */
final class MigrationLock {

  private static final long RETRY_MILLIS = 50;

  private MigrationLock() {}

  static void begin(Connection connection, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try (Statement st = connection.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
        return;
      } catch (SQLException e) {
        if (!busy(e)) {
          throw new MigrationException("cannot begin the migration transaction: "
              + e.getMessage(), e);
        }
        if (System.nanoTime() - deadline > 0) {
          throw new MigrationException("the database stayed locked by another migrator or"
              + " writer for longer than the lock timeout (" + timeout + "); try again once it"
              + " is done, or give Migrator.Builder.lockTimeout(...) more time", e);
        }
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException("interrupted while waiting for the database lock", e);
      }
    }
  }

  private static boolean busy(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      int primary = sqlite.getResultCode().code & 0xff;
      return primary == SQLiteErrorCode.SQLITE_BUSY.code
          || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }
    return String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
  }
}
