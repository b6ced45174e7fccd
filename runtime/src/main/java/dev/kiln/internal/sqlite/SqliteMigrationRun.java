package dev.kiln.internal.sqlite;

import dev.kiln.internal.migrate.HistoryTable;
import dev.kiln.internal.migrate.MigrationRun;
import dev.kiln.internal.migrate.RunSettings;
import dev.kiln.migrations.MigrationException;
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
import java.util.List;
import java.util.Objects;

/**
 * One {@code migrate()} on SQLite. The whole run is one {@code BEGIN IMMEDIATE} transaction,
 * which is the lock ({@link MigrationLock}); each migration is a savepoint in it, so a failing
 * migration is undone whole while the ones before it are committed.
 *
 * <p>Foreign keys are switched off before the transaction begins (inside one, SQLite ignores the
 * PRAGMA) and restored after it ends, as SQLite's table-rebuild procedure requires;
 * {@code PRAGMA foreign_key_check} runs before each migration is released
 * ({@link ForeignKeyCheck}).
 */
public final class SqliteMigrationRun extends MigrationRun {

  /** The history table in SQLite's SQL. */
  public static final HistoryTable HISTORY = new HistoryTable(
      "CREATE TABLE IF NOT EXISTS \"" + HistoryTable.NAME + "\" (\n"
          + "  \"version\" INTEGER NOT NULL PRIMARY KEY,\n"
          + "  \"description\" TEXT NOT NULL,\n"
          + "  \"script\" TEXT NOT NULL,\n"
          + "  \"checksum\" TEXT,\n"
          + "  \"applied_at\" TEXT NOT NULL,\n"
          + "  \"duration_ms\" INTEGER NOT NULL,\n"
          + "  \"success\" INTEGER NOT NULL,\n"
          + "  \"kind\" TEXT NOT NULL\n"
          + ") STRICT",
      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
      "INSERT OR REPLACE " + HistoryTable.INSERT);

  private static final String SAVEPOINT = "kiln_migration";

  private ForeignKeyCheck foreignKeys;

  public SqliteMigrationRun(Connection connection, RunSettings settings,
      List<Migration> migrations) {
    super(connection, settings, migrations, HISTORY);
  }

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction with foreign keys off, and
   * commits; on an exception, rolls back what is not committed yet. The connection's auto-commit
   * and foreign-key settings are restored afterwards.
   */
  @Override
  protected int locked(LockedWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.setAutoCommit(true); // the run manages its own transaction
    }
    boolean foreignKeysOn = foreignKeysOn();
    if (foreignKeysOn) {
      execute("PRAGMA foreign_keys = OFF");
    }
    try {
      MigrationLock.begin(connection, settings.lockTimeout());
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
      if (foreignKeysOn) {
        execute("PRAGMA foreign_keys = ON");
      }
      if (!autoCommit) {
        connection.setAutoCommit(false);
      }
    }
  }

  @Override
  protected void beforeApplying() throws SQLException {
    foreignKeys = ForeignKeyCheck.start(connection);
  }

  @Override
  protected void apply(Migration m) throws SQLException {
    execute("SAVEPOINT " + SAVEPOINT);
    long start = System.nanoTime();
    try {
      ScriptRunner.run(connection, m);
      Objects.requireNonNull(foreignKeys).verify(connection, m);
      history.recordRun(connection, m, Instant.now(), millisSince(start), true);
      execute("RELEASE " + SAVEPOINT);
    } catch (ScriptException | MigrationException | SQLException e) {
      MigrationException failure = failure(m, e);
      try {
        execute("ROLLBACK TO " + SAVEPOINT);
        execute("RELEASE " + SAVEPOINT);
        history.recordRun(connection, m, Instant.now(), millisSince(start), false);
        execute("COMMIT"); // keeps the migrations before it, and the record of the failure
      } catch (SQLException again) {
        // SQLite ended the transaction itself (a full disk, say): the run's ROLLBACK undoes it all.
        failure.addSuppressed(again);
      }
      throw failure;
    }
  }

  @Override
  protected List<String> tables() throws SQLException {
    return SchemaReader.read(connection, HistoryTable.NAME).tables().stream()
        .map(t -> t.name()).toList();
  }

  /** Replays every migration on an in-memory database and compares the two schemas. */
  @Override
  protected boolean hasSchemaOfAllMigrations() throws SQLException {
    Schema live = SchemaReader.read(connection, HistoryTable.NAME);
    try (ShadowDatabase shadow = ShadowDatabase.open()) {
      migrations.forEach(shadow::replay);
      return SchemaDiff.compare(live, shadow.schema()).isEmpty();
    } catch (ScriptException e) {
      throw new MigrationException(e.getMessage(), e);
    }
  }

  @Override
  protected void verifySchema() {
    SqliteSchemaCheck.verify(connection, Objects.requireNonNull(settings.expected()));
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
}
