package dev.kiln.internal.migrate;

import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code migrate()} on one connection, in the shape of Flyway's {@code DbMigrate}: take the
 * lock, read and check the history, apply each pending migration, record it, release the lock,
 * then check the schema. What is the same on every engine lives here; how an engine locks,
 * applies one migration atomically, and reads its schema is its subclass's
 * ({@code SqliteMigrationRun}, {@code PostgresMigrationRun}).
 */
public abstract class MigrationRun {

  /** Logged under the runner's public name, which is what users configure. */
  protected static final Logger LOG = LoggerFactory.getLogger("dev.kiln.migrations.Migrator");

  protected final Connection connection;
  protected final RunSettings settings;
  protected final List<Migration> migrations;
  protected final HistoryTable history;
  private final List<String> applied = new ArrayList<>();
  private final List<Integer> versions = new ArrayList<>();

  protected MigrationRun(Connection connection, RunSettings settings, List<Migration> migrations,
      HistoryTable history) {
    this.connection = connection;
    this.settings = settings;
    this.migrations = migrations;
    this.history = history;
  }

  /** Applies the pending migrations, then checks the schema when an expected one was given. */
  public final MigrationResult run() throws SQLException {
    int version = locked(this::migrateLocked);
    if (settings.expected() != null) {
      verifySchema();
    }
    return new MigrationResult(applied, versions, version);
  }

  /** Records a baseline at {@code version} on a database without a migration history. */
  public final void baseline(int version) throws SQLException {
    locked(() -> history.baseline(connection, migrations, version));
  }

  /** Work done while holding the engine's migration lock. */
  protected interface LockedWork {
    int run() throws SQLException;
  }

  /**
   * Runs {@code work} holding the engine's migration lock, so that a second migrator, in this
   * process or another, waits and then reads a history in which this run's work is done.
   */
  protected abstract int locked(LockedWork work) throws SQLException;

  /**
   * Applies {@code m} and records it as applied, atomically; when it fails, undoes it whole,
   * records the failure and throws the exception {@link #failure} describes.
   */
  protected abstract void apply(Migration m) throws SQLException;

  /** Called once, under the lock, before the first pending migration is applied. */
  protected void beforeApplying() throws SQLException {}

  /** The names of the tables in the database other than the history. */
  protected abstract List<String> tables() throws SQLException;

  /**
   * Whether the database's schema is exactly the one all the migrations produce, so that it can
   * be recorded as a baseline at the last one.
   */
  protected abstract boolean hasSchemaOfAllMigrations() throws SQLException;

  /**
   * Checks the live schema against {@code settings.expected()}.
   *
   * @throws dev.kiln.migrations.SchemaMismatchException naming each difference and its fix
   */
  protected abstract void verifySchema() throws SQLException;

  /** Runs inside the lock; returns the version the database is at afterwards. */
  private int migrateLocked() throws SQLException {
    history.create(connection);
    HistoryCheck check = new HistoryCheck(migrations, history.read(connection));
    if (check.isEmpty() && !tables().isEmpty()) {
      return adoptOrRefuse();
    }
    List<Migration> pending = check.pending();
    if (pending.isEmpty()) {
      return check.current();
    }
    // A refused statement stops the run before it starts.
    MigrationException.reporting(() -> {
      pending.forEach(ScriptRunner::check);
      return null;
    });
    beforeApplying();
    for (Migration m : pending) {
      long start = System.nanoTime();
      apply(m);
      applied.add(m.name());
      versions.add(m.version());
      LOG.info("applied migration {} in {} ms", m.script(), millisSince(start));
    }
    return pending.get(pending.size() - 1).version();
  }

  /**
   * A database with tables but no history existed before Kiln's migrations. When allowed and its
   * schema is exactly the one all migrations produce (say, Kiln created it before migrations were
   * used), it is recorded as a baseline at the last version; otherwise the run is refused.
   */
  private int adoptOrRefuse() throws SQLException {
    if (settings.baselineIfSchemaMatches() && !migrations.isEmpty()
        && hasSchemaOfAllMigrations()) {
      int first = migrations.get(0).version();
      int last = migrations.get(migrations.size() - 1).version();
      history.recordBaseline(connection, last, "existing schema matched V" + first + " to V"
          + last, Instant.now());
      applied.add("baseline at V" + last + " (the database already had the schema of V"
          + first + " to V" + last + ")");
      LOG.info("recorded the existing database as a baseline at V{}", last);
      return last;
    }
    throw new MigrationException("the database already has tables (" + String.join(", ",
        tables()) + ") but no migration history, so Kiln cannot tell which migrations it has"
        + " had. If it has the schema that the migrations up to V<n> produce, record that with"
        + " Migrator.baseline(n) and migrate again (baseline(0) when none of them has been"
        + " applied and its tables are not Kiln's); otherwise start from an empty database");
  }

  /** The error of {@code m}, rolled back whole after the migrations this run applied before. */
  protected final MigrationException failure(Migration m, Exception e) {
    LOG.error("migration {} failed and was rolled back: {}", m.script(), e.getMessage());
    return new MigrationException(m.script() + " failed and was rolled back whole: the database"
        + " is as it was before it" + (applied.isEmpty() ? ""
            : " (" + String.join(", ", applied) + " applied before it in this run and kept)")
        + ". Fix the cause and migrate again. Cause: " + e.getMessage(), e);
  }

  protected static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
