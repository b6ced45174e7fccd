package dev.kiln.migrations;

import dev.kiln.migrations.diff.SchemaDiff;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.SchemaReader;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.ScriptException;
import dev.kiln.migrations.script.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code migrate()} on one connection, in the shape of Flyway's {@code DbMigrate}: take the
 * lock, read and check the history, apply each pending migration, record it, release the lock.
 *
 * <p>Implementation notes: foreign keys are switched off before the transaction begins (inside
 * one, SQLite ignores the PRAGMA) and restored after it ends, as SQLite's table-rebuild procedure
 * requires; {@code PRAGMA foreign_key_check} runs before each migration is released. The whole run
 * is one {@code BEGIN IMMEDIATE} transaction, which is the lock; each migration is a savepoint in
 * it, so a failing migration is undone whole while the ones before it are committed.
 */
final class MigrationRun {

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
  private static final String SAVEPOINT = "kiln_migration";

  private final Connection connection;
  private final Migrator.Settings settings;
  private final List<Migration> migrations;
  private final List<String> applied = new ArrayList<>();
  private final List<Integer> versions = new ArrayList<>();

  MigrationRun(Connection connection, Migrator.Settings settings, List<Migration> migrations) {
    this.connection = connection;
    this.settings = settings;
    this.migrations = migrations;
  }

  MigrationResult run() throws SQLException {
    int version = locked(this::migrateLocked);
    if (settings.expected() != null) {
      SchemaCheck.verify(connection, settings.expected());
    }
    return new MigrationResult(applied, versions, version);
  }

  /** Records a baseline at {@code version} on a database without a migration history. */
  void baseline(int version) throws SQLException {
    locked(() -> HistoryTable.baseline(connection, migrations, version));
  }

  private interface LockedWork {
    int run() throws SQLException;
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction with foreign keys off, and
   * commits; on an exception, rolls back what is not committed yet. The connection's auto-commit
   * and foreign-key settings are restored afterwards.
   */
  private int locked(LockedWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.setAutoCommit(true); // the run manages its own transaction
    }
    boolean foreignKeys = foreignKeysOn();
    if (foreignKeys) {
      execute("PRAGMA foreign_keys = OFF");
    }
    try {
      DatabaseLock.begin(connection, settings.lockTimeout());
      boolean open = true;
      try {
        int result = work.run();
        execute("COMMIT");
        open = false;
        return result;
      } finally {
        if (open) {
          rollbackQuietly();
        }
      }
    } finally {
      if (foreignKeys) {
        execute("PRAGMA foreign_keys = ON");
      }
      if (!autoCommit) {
        connection.setAutoCommit(false);
      }
    }
  }

  /** Runs inside the lock; returns the version the database is at afterwards. */
  private int migrateLocked() throws SQLException {
    HistoryTable.create(connection);
    HistoryCheck history = new HistoryCheck(migrations, HistoryTable.read(connection));
    if (history.isEmpty() && hasTables()) {
      return adoptOrRefuse();
    }
    List<Migration> pending = history.pending();
    if (pending.isEmpty()) {
      return history.current();
    }
    // A refused statement stops the run before it starts.
    MigrationException.reporting(() -> {
      pending.forEach(ScriptRunner::check);
      return null;
    });
    ForeignKeyCheck foreignKeys = ForeignKeyCheck.start(connection);
    for (Migration m : pending) {
      apply(m, foreignKeys);
    }
    return pending.get(pending.size() - 1).version();
  }

  private void apply(Migration m, ForeignKeyCheck foreignKeys) throws SQLException {
    execute("SAVEPOINT " + SAVEPOINT);
    long start = System.nanoTime();
    try {
      ScriptRunner.run(connection, m);
      foreignKeys.verify(connection, m);
      HistoryTable.recordRun(connection, m, Instant.now(), millisSince(start), true);
      execute("RELEASE " + SAVEPOINT);
    } catch (ScriptException | MigrationException | SQLException e) {
      MigrationException failure = failure(m, applied, e);
      try {
        execute("ROLLBACK TO " + SAVEPOINT);
        execute("RELEASE " + SAVEPOINT);
        HistoryTable.recordRun(connection, m, Instant.now(), millisSince(start), false);
        execute("COMMIT"); // keeps the migrations before it, and the record of the failure
      } catch (SQLException again) {
        // SQLite ended the transaction itself (a full disk, say): the run's ROLLBACK undoes it all.
        failure.addSuppressed(again);
      }
      LOG.error("migration {} failed and was rolled back: {}", m.script(), e.getMessage());
      throw failure;
    }
    applied.add(m.name());
    versions.add(m.version());
    LOG.info("applied migration {} in {} ms", m.script(), millisSince(start));
  }

  /**
   * A database with tables but no history existed before Kiln's migrations. When allowed and its
   * schema is exactly the one all migrations produce (say, Kiln created it before migrations were
   * used), it is recorded as a baseline at the last version; otherwise the run is refused.
   */
  private int adoptOrRefuse() throws SQLException {
    Schema live = SchemaReader.read(connection, HistoryTable.NAME);
    int last = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    if (settings.baselineIfSchemaMatches() && !migrations.isEmpty()
        && SchemaDiff.compare(live, replayed()).isEmpty()) {
      HistoryTable.recordBaseline(connection, last,
          "existing schema matched V1 to V" + last, Instant.now());
      applied.add("baseline at V" + last + " (the database already had the schema of V"
          + migrations.get(0).version() + " to V" + last + ")");
      LOG.info("recorded the existing database as a baseline at V{}", last);
      return last;
    }
    List<String> names = live.tables().stream().map(t -> t.name()).toList();
    throw new MigrationException("the database already has tables (" + String.join(", ", names)
        + ") but no migration history, so Kiln cannot tell which migrations it has had. If it has"
        + " the schema that the migrations up to V<n> produce, record that with"
        + " Migrator.baseline(n) and migrate again (baseline(0) when none of them has been"
        + " applied and its tables are not Kiln's); otherwise start from an empty database");
  }

  private Schema replayed() throws SQLException {
    try (ShadowDatabase shadow = ShadowDatabase.open()) {
      migrations.forEach(shadow::replay);
      return shadow.schema();
    } catch (ScriptException e) {
      throw new MigrationException(e.getMessage(), e);
    }
  }

  private boolean hasTables() throws SQLException {
    return !SchemaReader.read(connection, HistoryTable.NAME).tables().isEmpty();
  }

  private boolean foreignKeysOn() throws SQLException {
    try (Statement st = connection.createStatement();
        var rs = st.executeQuery("PRAGMA foreign_keys")) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  private void rollbackQuietly() {
    try {
      execute("ROLLBACK");
    } catch (SQLException ignored) {
      // Already ended (a failed migration commits what came before it); nothing is left to undo.
    }
  }

  /** The error of {@code m}, rolled back whole after {@code applied} in the same run. */
  static MigrationException failure(Migration m, List<String> applied, Exception e) {
    return new MigrationException(m.script() + " failed and was rolled back whole: the database"
        + " is as it was before it" + (applied.isEmpty() ? ""
            : " (" + String.join(", ", applied) + " applied before it in this run and kept)")
        + ". Fix the cause and migrate again. Cause: " + e.getMessage(), e);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
