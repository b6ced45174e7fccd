package dev.kiln.migrations;

import dev.kiln.internal.migrate.AppliedMigration;
import dev.kiln.internal.migrate.HistoryCheck;
import dev.kiln.internal.migrate.HistoryTable;
import dev.kiln.internal.migrate.MigrationRun;
import dev.kiln.internal.migrate.RunSettings;
import dev.kiln.internal.postgresql.PostgresMigrationRun;
import dev.kiln.internal.sqlite.SqliteMigrationRun;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Applies versioned migrations ({@code V<n>__<description>.sql}) to a SQLite or PostgreSQL
 * database, on any {@link DataSource} or connection. {@code Database.migrate()} uses it; it also
 * runs alone:
 *
 * <pre>{@code
 * MigrationResult result = Migrator.builder(dataSource).build().migrate();
 * }</pre>
 *
 * <p>A run:
 * <ul>
 *   <li>takes a lock and holds it to the end — SQLite's write lock ({@code BEGIN IMMEDIATE}),
 *       PostgreSQL's advisory lock — so a second migrator, another thread, process or node,
 *       waits, then finds nothing left to do;</li>
 *   <li>records every migration in the {@value #HISTORY_TABLE} table: version, description,
 *       SHA-256 checksum, when it ran, how long it took and whether it succeeded;</li>
 *   <li>refuses to run, with a message saying what to do, when an applied migration has changed
 *       or disappeared, when the database has been migrated further than the code knows, or when
 *       versions are duplicated or have gaps;</li>
 *   <li>applies each pending migration in version order, each atomically: one that fails is
 *       rolled back whole and recorded as failed, and the run stops;</li>
 *   <li>on SQLite, runs migrations with foreign keys off and {@code PRAGMA foreign_key_check}
 *       before each one is kept, as SQLite's table-rebuild procedure requires;</li>
 *   <li>finally, when given the expected schema, checks the live schema against it
 *       ({@link SchemaMismatchException}).</li>
 * </ul>
 *
 * <p>Migrations come from {@code db/kiln/} on the class path (directories and jars) unless another
 * location or an explicit list is given; PostgreSQL's are in {@code db/kiln/postgresql/}. The
 * engine is the connection's; what differs between engines lives in {@code dev.kiln.internal}'s
 * engine packages.
 */
public final class Migrator {

  /** The table that records applied migrations. */
  public static final String HISTORY_TABLE = HistoryTable.NAME;

  /** How the migrator gets its connection, and whether it must close it. */
  private interface Connections {
    Connection open() throws SQLException;

    void release(Connection connection) throws SQLException;
  }

  private final Connections connections;
  private final RunSettings settings;
  private final List<Migration> explicit;
  private final ClassLoader loader;
  private final @Nullable String location;

  private Migrator(Builder b) {
    this.connections = b.connections;
    this.settings = new RunSettings(b.lockTimeout, b.expected, b.baselineIfSchemaMatches);
    this.explicit = b.migrations;
    this.loader = b.loader;
    this.location = b.location;
  }

  /** Starts a migrator that takes a connection from {@code dataSource} for each call. */
  public static Builder builder(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(new Connections() {
      @Override
      public Connection open() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      public void release(Connection connection) throws SQLException {
        connection.close();
      }
    });
  }

  /**
   * Starts a migrator on {@code connection}, which it uses as it is and does not close. Nothing
   * else may use the connection during a call. A call switches the connection to auto-commit for
   * its own transaction (committing any the caller left open) and restores the setting, and
   * that of {@code foreign_keys}, afterwards.
   */
  public static Builder builder(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    return new Builder(new Connections() {
      @Override
      public Connection open() {
        return connection;
      }

      @Override
      public void release(Connection c) {}
    });
  }

  /** Whether the database has Kiln's migration history table. */
  public static boolean hasHistory(Connection connection) {
    try {
      return history(connection).exists(connection);
    } catch (SQLException e) {
      throw new MigrationException("cannot read the schema of the database: " + e.getMessage(), e);
    }
  }

  /**
   * Applies the pending migrations, then checks the schema when an expected one was given.
   *
   * @throws MigrationException when the migrations cannot be applied; the message names the
   *     migration and says what to do
   * @throws SchemaMismatchException when the migrated database differs from the expected schema
   */
  public MigrationResult migrate() {
    return withConnection(c -> run(c, migrations(c)).run());
  }

  /** Every migration known to the code or the history, by version, with its state. */
  public List<MigrationInfo> info() {
    List<Migration> migrations = new ArrayList<>();
    List<AppliedMigration> history = withConnection(c -> {
      migrations.addAll(migrations(c));
      return history(c).read(c);
    });
    int baseline = new HistoryCheck(migrations, history).baseline();
    Map<Integer, MigrationInfo> byVersion = new TreeMap<>();
    for (Migration m : migrations) {
      MigrationState state = m.version() <= baseline ? MigrationState.BELOW_BASELINE
          : MigrationState.PENDING;
      byVersion.put(m.version(), new MigrationInfo(m.version(), m.description(), m.script(),
          state, m.checksum(), null, null));
    }
    for (AppliedMigration row : history) {
      MigrationInfo code = byVersion.get(row.version());
      MigrationState state = row.baseline() ? MigrationState.BASELINE
          : !row.success() ? MigrationState.FAILED
          : code == null ? MigrationState.MISSING
          : !code.checksum().equals(row.checksum()) ? MigrationState.CHANGED
          : MigrationState.APPLIED;
      byVersion.put(row.version(), new MigrationInfo(row.version(), row.description(),
          row.script(), state, row.checksum(), row.appliedAt(), row.durationMillis()));
    }
    return List.copyOf(byVersion.values());
  }

  /**
   * Records that a database which existed before Kiln's migrations already has the schema of the
   * migrations up to {@code version}: those are never applied to it, and the next
   * {@code migrate()} starts after them. Use 0 for a database whose tables none of the
   * migrations create.
   *
   * @throws MigrationException when the database already has a migration history
   */
  public void baseline(int version) {
    if (version < 0) {
      throw new IllegalArgumentException("a baseline version is 0 or more: " + version);
    }
    withConnection(c -> {
      run(c, List.of()).baseline(version);
      return null;
    });
  }

  /** The engine's run: the one place where the migrator tells engines apart. */
  private MigrationRun run(Connection connection, List<Migration> migrations)
      throws SQLException {
    return postgres(connection) ? new PostgresMigrationRun(connection, settings, migrations)
        : new SqliteMigrationRun(connection, settings, migrations);
  }

  private static HistoryTable history(Connection connection) throws SQLException {
    return postgres(connection) ? PostgresMigrationRun.HISTORY : SqliteMigrationRun.HISTORY;
  }

  private static boolean postgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  private List<Migration> migrations(Connection connection) throws SQLException {
    String folder = location != null ? location
        : postgres(connection) ? Migrations.POSTGRESQL_LOCATION : Migrations.DEFAULT_LOCATION;
    return MigrationException.reporting(() -> {
      List<Migration> migrations = explicit != null ? explicit
          : Migrations.fromClasspath(loader, folder);
      Migrations.checkSequence(migrations);
      return migrations;
    });
  }

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T withConnection(Work<T> work) {
    Connection connection;
    try {
      connection = connections.open();
    } catch (SQLException e) {
      throw new MigrationException("cannot connect to the database: " + e.getMessage(), e);
    }
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new MigrationException("migration failed: " + e.getMessage(), e);
    } finally {
      try {
        connections.release(connection);
      } catch (SQLException ignored) {
        // closing a connection after the work is done loses nothing
      }
    }
  }

  /** Configures a {@link Migrator}. */
  public static final class Builder {

    private final Connections connections;
    private List<Migration> migrations;
    private ClassLoader loader = defaultLoader();
    private @Nullable String location;
    private Duration lockTimeout = RunSettings.DEFAULT_LOCK_TIMEOUT;
    private Schema expected;
    private boolean baselineIfSchemaMatches;

    private Builder(Connections connections) {
      this.connections = connections;
    }

    /** Finds migrations with this class loader (default: the thread's context class loader). */
    public Builder classLoader(ClassLoader loader) {
      this.loader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * Finds migrations in this class-path folder (default {@code db/kiln}, and
     * {@code db/kiln/postgresql} on PostgreSQL).
     */
    public Builder location(String location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /**
     * Applies exactly these migrations instead of looking on the class path; see
     * {@link Migration#of} and {@link Migrations#fromDirectory}.
     */
    public Builder migrations(List<Migration> migrations) {
      this.migrations = migrations.stream()
          .sorted(Comparator.comparingInt(Migration::version)).toList();
      return this;
    }

    /** How long to wait for another migrator or writer to release the database (default 5 min). */
    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** After migrating, checks that the database has this schema. */
    public Builder expectedSchema(Schema schema) {
      this.expected = schema;
      return this;
    }

    /**
     * When a database has tables but no history, and its schema is exactly the one that all the
     * migrations produce (Kiln created it before migrations were used), records it as a baseline
     * at the last version instead of refusing to run. Off by default.
     */
    public Builder baselineIfSchemaMatches(boolean allow) {
      this.baselineIfSchemaMatches = allow;
      return this;
    }

    public Migrator build() {
      return new Migrator(this);
    }

    private static ClassLoader defaultLoader() {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : Migrator.class.getClassLoader();
    }
  }
}
