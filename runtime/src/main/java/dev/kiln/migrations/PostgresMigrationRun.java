package dev.kiln.migrations;

import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.migrations.dialect.postgresql.PostgresSchemaCheck;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code migrate()} on PostgreSQL: the same history, checks and promises as
 * {@link MigrationRun} on SQLite, with PostgreSQL's means.
 *
 * <p>Implementation notes: the lock is a session-level advisory lock, taken with
 * {@code pg_try_advisory_lock} until the lock timeout: a second migrator, on this node or
 * another, waits and then reads a history in which the first one's work is done. Advisory locks
 * block nothing else, so the application's other connections go on meanwhile. Each migration runs
 * in a transaction of its own; PostgreSQL's DDL is transactional, so a failure rolls the
 * migration back whole, while the migrations before it stay applied. Foreign keys stay on: unlike
 * SQLite's table rebuilds, PostgreSQL's {@code ALTER TABLE} keeps every row in place.
 */
final class PostgresMigrationRun {

  private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
  private static final long RETRY_MILLIS = 50;

  private final Connection connection;
  private final Migrator.Settings settings;
  private final List<Migration> migrations;
  private final List<String> applied = new ArrayList<>();
  private final List<Integer> versions = new ArrayList<>();

  PostgresMigrationRun(Connection connection, Migrator.Settings settings,
      List<Migration> migrations) {
    this.connection = connection;
    this.settings = settings;
    this.migrations = migrations;
  }

  MigrationResult run() throws SQLException {
    int version = locked(this::migrateLocked);
    if (settings.expected() != null) {
      List<String> differences = PostgresSchemaCheck.differences(connection, settings.expected());
      if (!differences.isEmpty()) {
        throw new SchemaMismatchException("the database does not have the schema this"
            + " application was compiled with (" + differences.size() + (differences.size() == 1
                ? " difference" : " differences") + "). Each difference and the SQL that would"
            + " fix it:\n  " + String.join("\n  ", differences) + "\nPut these steps into a new"
            + " migration (with -Akiln.dialects=sqlite,postgresql the build writes it for you)"
            + " and start the application again.", differences);
      }
    }
    return new MigrationResult(applied, versions, version);
  }

  void baseline(int version) throws SQLException {
    locked(() -> HistoryTable.baseline(connection, migrations, version));
  }

  private interface LockedWork {
    int run() throws SQLException;
  }

  /** Runs {@code work} holding the advisory lock, in auto-commit mode, restored afterwards. */
  private int locked(LockedWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (!autoCommit) {
      connection.commit();
      connection.setAutoCommit(true);
    }
    lock();
    try {
      return work.run();
    } finally {
      try (Statement st = connection.createStatement()) {
        st.execute("SELECT pg_advisory_unlock(" + PostgresDdl.SCHEMA_LOCK + ")");
      }
      connection.setAutoCommit(autoCommit);
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

  private int migrateLocked() throws SQLException {
    HistoryTable.create(connection);
    HistoryCheck history = new HistoryCheck(migrations, HistoryTable.read(connection));
    if (history.isEmpty() && hasTables()) {
      throw new MigrationException("the database already has tables but no migration history,"
          + " so Kiln cannot tell which migrations it has had. If it has the schema that the"
          + " migrations up to V<n> produce, record that with Migrator.baseline(n) and migrate"
          + " again; otherwise start from an empty database");
    }
    List<Migration> pending = history.pending();
    if (pending.isEmpty()) {
      return history.current();
    }
    MigrationException.reporting(() -> {
      pending.forEach(ScriptRunner::check);
      return null;
    });
    for (Migration m : pending) {
      apply(m);
    }
    return pending.get(pending.size() - 1).version();
  }

  private void apply(Migration m) throws SQLException {
    long start = System.nanoTime();
    connection.setAutoCommit(false);
    try {
      ScriptRunner.run(connection, m);
      HistoryTable.recordRun(connection, m, Instant.now(), millisSince(start), true);
      connection.commit();
    } catch (ScriptException | MigrationException | SQLException e) {
      MigrationException failure = MigrationRun.failure(m, applied, e);
      try {
        connection.rollback();
        connection.setAutoCommit(true);
        HistoryTable.recordRun(connection, m, Instant.now(), millisSince(start), false);
      } catch (SQLException again) {
        failure.addSuppressed(again);
      }
      LOG.error("migration {} failed and was rolled back: {}", m.script(), e.getMessage());
      throw failure;
    } finally {
      connection.setAutoCommit(true);
    }
    applied.add(m.name());
    versions.add(m.version());
    LOG.info("applied migration {} in {} ms", m.script(), millisSince(start));
  }

  /** Whether the current schema holds tables other than the history. */
  private boolean hasTables() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM"
        + " information_schema.tables WHERE table_schema = current_schema()"
        + " AND table_type = 'BASE TABLE' AND table_name <> ?")) {
      ps.setString(1, HistoryTable.NAME);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) > 0;
      }
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
