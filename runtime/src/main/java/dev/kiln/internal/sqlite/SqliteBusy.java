package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteException;

/**
 * Waits out another process's write lock. SQLite itself waits {@code busy_timeout} before it
 * answers {@code SQLITE_BUSY}; outside a transaction the step that met it can simply run again,
 * so Kiln retries it with a growing pause until the write timeout, and then fails with an error
 * that says what holds the lock and what to change.
 */
public final class SqliteBusy {

  private static final long FIRST_PAUSE_MS = 5;
  private static final long LONGEST_PAUSE_MS = 250;

  /** A step that may meet {@code SQLITE_BUSY}, and whose result is wanted. */
  public interface Step<T> {
    T run() throws SQLException;
  }

  private SqliteBusy() {}

  /** Whether {@code e} is SQLite's {@code SQLITE_BUSY}, in any of its extended forms. */
  public static boolean isBusy(SQLException e) {
    return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == 5;
  }

  /**
   * Runs {@code step}, again after each {@code SQLITE_BUSY} until {@code timeout} has passed,
   * and returns its result. The step must change nothing when it fails: a statement in
   * autocommit, or the {@code BEGIN} of a transaction.
   *
   * @param what what the step does, for the message: {@code "begin a write"}
   */
  public static <T> T retry(Step<T> step, Duration timeout, String what) throws SQLException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long pause = FIRST_PAUSE_MS;
    int attempts = 0;
    while (true) {
      try {
        return step.run();
      } catch (SQLException e) {
        attempts++;
        if (!isBusy(e)) {
          throw e;
        }
        if (System.nanoTime() + pause * 1_000_000 >= deadline) {
          throw new KilnException("cannot " + what + ": another process holds SQLite's write"
              + " lock on the database file (SQLITE_BUSY after " + attempts + " attempt"
              + (attempts == 1 ? "" : "s") + " over "
              + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms, each waiting"
              + " busy_timeout). Look for a process with a long write transaction on the same"
              + " file (another application instance, a sqlite3 shell, a backup tool), or raise"
              + " DatabaseBuilder.writeTimeout(...) or the busy_timeout PRAGMA", e);
        }
        sleep(pause);
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KilnException("interrupted while waiting for the database's write lock", e);
    }
  }
}
