package dev.kiln;

import dev.kiln.internal.Connections;
import dev.kiln.internal.EngineMaintenance;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upkeep of a database that runs for months, from {@code db.maintenance()}; each step is safe to
 * run while the application works: none blocks readers, and none holds the writer longer than
 * its work needs. {@code DatabaseBuilder.maintenanceEvery(…)} runs {@link #optimize()} and
 * {@link #checkpoint()} in the background.
 */
public final class Maintenance {

  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.maintenance");

  private final EngineMaintenance engine;
  private final String database;

  Maintenance(Connections connections, String database) {
    this.engine = connections.maintenance();
    this.database = database;
  }

  /**
   * Refreshes the query planner's statistics: SQLite's {@code PRAGMA optimize} (with the
   * analysis limit of 400 rows per index SQLite recommends, so it stays quick on big tables),
   * PostgreSQL's {@code ANALYZE}. Takes SQLite's writer for as long as the analysis runs.
   */
  public void optimize() {
    run("optimize", () -> {
      engine.optimize();
      return null;
    });
  }

  /**
   * Folds SQLite's write-ahead log into the database file and truncates it: first copying the
   * log on a reader, while writers go on, then taking the writer only to truncate, waiting at
   * most 100 ms for readers still in the log. Returns whether the log was emptied; false when
   * readers kept it (the next checkpoint tries again). Checkpoint starvation — a steady stream of
   * readers keeping the log from being reset until it grows past 64 MiB — is logged, shown in
   * {@code db.health()} ({@code wal}), and met by waiting up to 2 s for the readers once. On
   * PostgreSQL the server checkpoints on its own: returns true.
   */
  public boolean checkpoint() {
    return run("checkpoint", engine::checkpoint);
  }

  /**
   * Reclaims free pages: on SQLite with {@code auto_vacuum = INCREMENTAL}, an incremental vacuum
   * (quick); otherwise {@code VACUUM}, which rewrites the file and holds the writer meanwhile
   * (readers go on, in WAL mode). On PostgreSQL {@code VACUUM}, which blocks no one.
   */
  public void vacuum() {
    run("vacuum", () -> {
      engine.vacuum();
      return null;
    });
  }

  /**
   * The problems found, empty when the database is sound: SQLite's
   * {@code PRAGMA integrity_check} and {@code foreign_key_check}, read on a reader in one
   * snapshot; on PostgreSQL, indexes left invalid (the server enforces the rest itself).
   */
  public List<String> integrityCheck() {
    return run("check the integrity of", engine::integrityCheck);
  }

  /** A step of upkeep. */
  private interface Step<T> {
    T run() throws SQLException;
  }

  private <T> T run(String what, Step<T> step) {
    long start = System.nanoTime();
    try {
      T result = step.run();
      LOG.debug("{} {} took {} ms", what, database, (System.nanoTime() - start) / 1_000_000);
      return result;
    } catch (SQLException e) {
      throw new KilnException("cannot " + what + " " + database + ": " + e.getMessage(), e);
    }
  }
}
