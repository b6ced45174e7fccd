package dev.kiln.internal.postgresql;

import dev.kiln.internal.migrate.HistoryTable;
import dev.kiln.internal.migrate.MigrationRun;
import dev.kiln.internal.migrate.RunSettings;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.SchemaMismatchException;
import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.migrations.dialect.postgresql.PostgresSchemaCheck;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.ScriptException;
import dev.kiln.migrations.script.ScriptRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code migrate()} on PostgreSQL: the same history, checks and promises as on SQLite, with
 * PostgreSQL's means.
 *
 * <p>The lock is a session-level advisory lock, taken with {@code pg_try_advisory_lock} until the
 * lock timeout: a second migrator, on this node or another, waits and then reads a history in
 * which the first one's work is done. Advisory locks block nothing else, so the application's
 * other connections go on meanwhile. Each migration runs in a transaction of its own;
 * PostgreSQL's DDL is transactional, so a failure rolls the migration back whole, while the
 * migrations before it stay applied. Foreign keys stay on: unlike SQLite's table rebuilds,
 * PostgreSQL's {@code ALTER TABLE} keeps every row in place.
 *
 * <p>A database with tables but no history is adopted as a baseline at the last migration (when
 * the run allows it) if it has every table and column of the expected schema, of Kiln's types
 * ({@link PostgresSchemaCheck}); there is no shadow database to replay the migrations in.
 */
public final class PostgresMigrationRun extends MigrationRun {

  /** The history table in PostgreSQL's SQL. */
  public static final HistoryTable HISTORY = new HistoryTable(
      "CREATE TABLE IF NOT EXISTS \"" + HistoryTable.NAME + "\" (\n"
          + "  \"version\" integer NOT NULL PRIMARY KEY,\n"
          + "  \"description\" text NOT NULL,\n"
          + "  \"script\" text NOT NULL,\n"
          + "  \"checksum\" text,\n"
          + "  \"applied_at\" text NOT NULL,\n"
          + "  \"duration_ms\" bigint NOT NULL,\n"
          + "  \"success\" boolean NOT NULL,\n"
          + "  \"kind\" text NOT NULL\n"
          + ")",
      "SELECT 1 WHERE to_regclass(quote_ident(?)) IS NOT NULL",
      "INSERT " + HistoryTable.INSERT + " ON CONFLICT (\"version\") DO UPDATE SET"
          + " \"description\" = excluded.\"description\", \"script\" = excluded.\"script\","
          + " \"checksum\" = excluded.\"checksum\", \"applied_at\" = excluded.\"applied_at\","
          + " \"duration_ms\" = excluded.\"duration_ms\", \"success\" = excluded.\"success\","
          + " \"kind\" = excluded.\"kind\"");

  private static final long RETRY_MILLIS = 50;

  public PostgresMigrationRun(Connection connection, RunSettings settings,
      List<Migration> migrations) {
    super(connection, settings, migrations, HISTORY);
  }

  /** Runs {@code work} holding the advisory lock, in auto-commit mode, restored afterwards. */
  @Override
  protected int locked(LockedWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.commit();
      connection.setAutoCommit(true);
    }
    lock();
    try (Statement st = connection.createStatement()) {
      // A migration's DDL may wait for the application's transactions as long as the run may.
      st.execute("SET lock_timeout = " + settings.lockTimeout().toMillis());
      try {
        return work.run();
      } finally {
        st.execute("RESET lock_timeout");
        st.execute("SELECT pg_advisory_unlock(" + PostgresDdl.SCHEMA_LOCK + ")");
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  private void lock() throws SQLException {
    long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
    while (true) {
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery(
              "SELECT pg_try_advisory_lock(" + PostgresDdl.SCHEMA_LOCK + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new MigrationException("another migrator held Kiln's migration lock for longer"
            + " than the lock timeout (" + settings.lockTimeout() + "); try again once it is"
            + " done, or give Migrator.Builder.lockTimeout(...) more time");
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException("interrupted while waiting for the migration lock", e);
      }
    }
  }

  @Override
  protected void apply(Migration m) throws SQLException {
    long start = System.nanoTime();
    connection.setAutoCommit(false);
    try {
      ScriptRunner.run(connection, m);
      history.recordRun(connection, m, Instant.now(), millisSince(start), true);
      connection.commit();
    } catch (ScriptException | MigrationException | SQLException e) {
      MigrationException failure = failure(m, e);
      try {
        connection.rollback();
        connection.setAutoCommit(true);
        history.recordRun(connection, m, Instant.now(), millisSince(start), false);
      } catch (SQLException again) {
        failure.addSuppressed(again);
      }
      throw failure;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @Override
  protected List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT table_name FROM"
        + " information_schema.tables WHERE table_schema = current_schema()"
        + " AND table_type = 'BASE TABLE' AND table_name <> ? ORDER BY table_name")) {
      ps.setString(1, HistoryTable.NAME);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  @Override
  protected boolean hasSchemaOfAllMigrations() throws SQLException {
    return settings.expected() != null
        && PostgresSchemaCheck.differences(connection, settings.expected()).isEmpty();
  }

  @Override
  protected void verifySchema() throws SQLException {
    verifySchema(connection, Objects.requireNonNull(settings.expected()));
  }

  /**
   * Checks the live schema of {@code connection} against {@code expected}.
   *
   * @throws SchemaMismatchException naming each difference and the SQL that would fix it
   */
  static void verifySchema(Connection connection, Schema expected) throws SQLException {
    List<String> differences = PostgresSchemaCheck.differences(connection, expected);
    if (!differences.isEmpty()) {
      throw new SchemaMismatchException("the database does not have the schema this"
          + " application was compiled with (" + differences.size() + (differences.size() == 1
              ? " difference" : " differences") + "). Each difference and the SQL that would"
          + " fix it:\n  " + String.join("\n  ", differences) + "\nPut these steps into a new"
          + " migration (with -Akiln.dialects=sqlite,postgresql the build writes it for you)"
          + " and start the application again.", differences);
    }
  }

}
