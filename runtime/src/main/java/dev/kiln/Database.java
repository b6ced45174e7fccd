package dev.kiln;

import dev.kiln.internal.Connections;
import dev.kiln.internal.EntityCache;
import dev.kiln.internal.EntityTables;
import dev.kiln.internal.QueryCache;
import dev.kiln.internal.HealthChecks;
import dev.kiln.internal.PoolWatch;
import dev.kiln.internal.Telemetry;
import dev.kiln.internal.Transactions;
import dev.kiln.internal.postgresql.PostgresConnections;
import dev.kiln.internal.postgresql.PostgresStartup;
import dev.kiln.internal.Background;
import dev.kiln.internal.sqlite.Backup;
import dev.kiln.internal.sqlite.BackupSchedule;
import dev.kiln.internal.sqlite.Restore;
import dev.kiln.internal.sqlite.ConnectionFactory;
import dev.kiln.internal.sqlite.ConnectionSource;
import dev.kiln.internal.sqlite.PragmaCheck;
import dev.kiln.internal.sqlite.StartupMigration;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.spi.Engine;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An open database, SQLite or PostgreSQL: the entry point of Kiln at run time.
 *
 * <pre>{@code
 * try (Database db = Database.open(Path.of("app.db"))) {
 *   db.migrate();
 *   var authors = new AuthorRepository(db);
 *   Author ann = authors.insert(new Author(0, "Ann", "ann@example.org", Instant.now(), null));
 *   db.transaction(() -> authors.update(ann.withName("Ann B.")));
 * }
 * }</pre>
 *
 * <p>A database holds one writer connection and a pool of readers (see {@link DatabaseBuilder}).
 * Writes from all threads are serialised in-process on the writer, with {@code BEGIN IMMEDIATE}
 * for transactions, so threads of one process never meet {@code SQLITE_BUSY}; reads run in
 * parallel on the readers and, under WAL, never wait for the writer. It is thread-safe; open one
 * per database file and share it.
 */
public final class Database implements AutoCloseable {

  private final Connections connections;
  private final ConnectionSource source;
  private final Transactions transactions;
  private final Telemetry telemetry;
  private final Engine engine;
  private final PoolWatch poolWatch;
  private final Map<String, String> pragmas;

  /**
   * Opens {@code jdbcUrl} with Kiln's tuned defaults: {@code jdbc:sqlite:…} or
   * {@code jdbc:postgresql:…} (with PostgreSQL's JDBC driver on the class path).
   */
  public static Database open(String jdbcUrl) {
    return builder(jdbcUrl).build();
  }

  /** Opens the database file at {@code file}, creating it when it does not exist. */
  public static Database open(Path file) {
    return open(urlOf(file));
  }

  /**
   * A private in-memory SQLite database with the compiled-in schema created: the same
   * repositories, typed queries and DAOs as on a file, for tests and short-lived tools. Its one
   * connection serves reads and writes (an in-memory database has no read pool to share it
   * with), so every reader sees every committed write; it is gone when closed.
   */
  public static Database inMemory() {
    Database db = builder("jdbc:sqlite::memory:").profile(Profile.TEST).build();
    db.migrate();
    return db;
  }

  /** Starts configuring a database at {@code jdbcUrl}. */
  public static DatabaseBuilder builder(String jdbcUrl) {
    return new DatabaseBuilder(jdbcUrl);
  }

  /** Starts configuring a database at {@code file}. */
  public static DatabaseBuilder builder(Path file) {
    return builder(urlOf(file));
  }

  Database(DatabaseBuilder builder) {
    this.telemetry = new Telemetry(builder.slowQueryThreshold, builder.criticalQueryThreshold,
        builder.statementStatistics);
    if (!builder.url.startsWith(POSTGRESQL) && !builder.url.startsWith("jdbc:sqlite:")) {
      throw new KilnException("Kiln runs on SQLite and PostgreSQL: the JDBC URL must start with"
          + " 'jdbc:sqlite:' or '" + POSTGRESQL + "', got '" + builder.url + "'");
    }
    if (!builder.readReplicas.isEmpty() && !builder.url.startsWith(POSTGRESQL)) {
      throw new KilnException("read replicas are for PostgreSQL; " + builder.url + " is SQLite,"
          + " whose readers are the read pool (readPoolSize)");
    }
    if (builder.url.startsWith(POSTGRESQL)) {
      if (!builder.explicitPragmas.isEmpty()) {
        throw new KilnException("PRAGMAs are SQLite's settings and " + builder.url + " is"
            + " PostgreSQL: remove pragma(" + String.join(", ", builder.explicitPragmas) + ")");
      }
      this.source = null;
      this.connections = new PostgresConnections(builder.url, builder.readReplicas,
          builder.poolSize, builder.writeTimeout, telemetry, builder.statementCacheSize);
      this.pragmas = Map.of();
    } else {
      ConnectionFactory factory = new ConnectionFactory(
          builder.url, builder.pragmas, telemetry, builder.statementCacheSize);
      try {
        this.source = new ConnectionSource(factory, builder.readPoolSize, builder.writeTimeout);
      } catch (SQLException e) {
        throw new KilnException("cannot open " + builder.url + ": " + e.getMessage(), e);
      }
      try {
        this.pragmas = PragmaCheck.verify(source, builder.pragmas, factory.inMemory());
      } catch (RuntimeException e) {
        source.close();
        throw e;
      }
      this.connections = source;
    }
    this.transactions = new Transactions(connections, telemetry);
    EntityCache cache = builder.cacheTtl == null ? null
        : new EntityCache(builder.cacheEntries, builder.cacheTtl);
    QueryCache queryCache = builder.queryCacheTtl == null ? null
        : new QueryCache(builder.queryCacheEntries, builder.queryCacheTtl);
    this.engine = new Engine(connections, transactions, cache, queryCache, telemetry,
        builder.clock);
    this.poolWatch = new PoolWatch(connections::poolStats);
    telemetry.nameStatementsFrom(classLoader());
    telemetry.slowQueryLog().attach(connections, classLoader());
    this.maintenance = new Maintenance(connections, builder.url);
    if (builder.maintenanceEvery != null) {
      background.every(builder.maintenanceEvery, "maintenance of " + builder.url, () -> {
        maintenance.optimize();
        maintenance.checkpoint();
      });
    }
    if (builder.backupDir != null) {
      if (source == null) {
        close();
        throw new KilnException("backups(…) copies a SQLite database file; " + builder.url
            + " is PostgreSQL: back it up with pg_dump or the server's own backups");
      }
      this.backups = new BackupSchedule(source, builder.backupDir, builder.backupsKept,
          builder.clock);
      background.every(builder.backupEvery, "backup of " + builder.url, backups::runOnce);
    } else {
      this.backups = null;
    }
  }

  private final Background background = new Background();
  private final Maintenance maintenance;
  private final BackupSchedule backups;
  private volatile boolean closed;

  /** The engine this database runs on, chosen by its JDBC URL. */
  public Dialect dialect() {
    return connections.dialect();
  }

  /**
   * Brings the database up to the schema the application was compiled with. Call it once at
   * start-up, outside any transaction.
   *
   * <p>When the class path has migrations in {@code db/kiln/} (written by the processor with
   * {@code -Akiln.migrations}, or by hand), the pending ones are applied in version order, each
   * atomically, and recorded with their checksums; another process migrating the same file at
   * the same time waits and then finds nothing to do (see {@link dev.kiln.migrations.Migrator}).
   * A database that Kiln created before migrations were used, and whose schema is exactly what
   * the migrations produce, is recorded as being at the last version. Without migrations, the
   * missing tables and indexes of the entities are created.
   *
   * <p>Then the live schema is compared with the compiled-in one.
   *
   * @throws dev.kiln.migrations.MigrationException when a migration cannot be applied (the
   *     message says what to do)
   * @throws dev.kiln.migrations.SchemaMismatchException when the schema still differs, listing
   *     each difference and the SQL that would fix it
   */
  public MigrationResult migrate() {
    if (source == null) {
      return PostgresStartup.run(connections, transactions, classLoader());
    }
    return StartupMigration.run(source, transactions, classLoader());
  }

  /** The context class loader, where application servers put the application, or Kiln's own. */
  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Database.class.getClassLoader();
  }

  /**
   * Runs {@code work} in a transaction bound to this thread: repositories used inside it join it;
   * a nested call is a savepoint; an exception rolls back (the innermost level) and is rethrown.
   */
  public void transaction(Runnable work) {
    transactions.inWriteTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** Runs {@code work} in a transaction, as {@link #transaction(Runnable)}; returns its result. */
  public <T extends @Nullable Object> T transaction(Supplier<T> work) {
    return transactions.inWriteTransaction(work);
  }

  /**
   * Runs {@code work} in a read-only transaction on a pooled reader: every statement in it sees the
   * same snapshot, and it never waits for writers. A write inside it fails.
   */
  public <T extends @Nullable Object> T readTransaction(Supplier<T> work) {
    return transactions.inReadTransaction(work);
  }

  /**
   * Forgets the cached entities and query results of {@code entities}' tables, after a write
   * that Kiln did not see (another process, a tool, plain JDBC). Writes through Kiln need no
   * call: they invalidate what they change when they commit.
   *
   * @throws KilnException for a class that is not a Kiln entity
   */
  public void invalidate(Class<?>... entities) {
    List<String> tables = new ArrayList<>(entities.length);
    for (Class<?> entity : entities) {
      tables.add(EntityTables.of(entity));
    }
    engine.invalidate(tables);
  }

  /** Forgets every cached entity and query result. */
  public void invalidateAll() {
    engine.invalidateAll();
  }

  /** What this database has done since it was opened. */
  public Stats stats() {
    return telemetry.snapshot();
  }

  /**
   * Calls {@code listener} with the name and SQL of each statement this database has run, now,
   * and of each new one on its first run — for bridges to metrics systems, such as
   * {@code kiln-micrometer}'s {@code KilnMetrics}, which register meters per statement. It runs
   * on the thread that runs the statement: keep it short.
   */
  public void onStatement(BiConsumer<String, String> listener) {
    telemetry.onStatement(listener);
  }

  /**
   * The most recent statements (up to 100, oldest first) that took at least the slow-query
   * threshold, each with the engine's plan — read once per statement, on a pooled connection, in
   * the background — and advice such as the {@code @Index} that would serve it. An entry appears
   * once its plan has been read.
   */
  public List<SlowQuery> slowQueryLog() {
    return telemetry.slowQueryLog().entries();
  }

  /**
   * How the database is, for liveness and readiness probes: {@code UP}, {@code DEGRADED} or
   * {@code DOWN}, with each named check (a connection answers, the pool, and on SQLite the
   * writer, the write-ahead log and the disk; on PostgreSQL the replicas). Runs one
   * {@code SELECT 1}.
   */
  public Health health() {
    return HealthChecks.of(connections, backups == null ? Map.of()
        : Map.of("backups", backups.check()));
  }

  /** Upkeep: statistics, checkpoints, vacuum, integrity checks; safe while the application runs. */
  public Maintenance maintenance() {
    return maintenance;
  }

  /**
   * Puts the backup {@code backup} in place of the SQLite database file {@code target}: verifies
   * the backup ({@code integrity_check}), refuses a target that a {@code Database} of this
   * process has open or that another process is reading or writing, then replaces the file in one
   * move, removing its {@code -wal} and {@code -shm}, which belong to the old file.
   *
   * @throws KilnException when the backup is not sound or the target is in use
   */
  public static void restore(Path backup, Path target) {
    Restore.restore(backup, target);
  }

  /**
   * The connections now: in use, idle, waiting threads, the maximum and utilisation, and how
   * long threads have waited for them (and, on SQLite, for the writer). Kiln also watches them:
   * a warning is logged when utilisation stays above 0.8 for ten seconds, an error above 0.95.
   */
  public PoolStats pool() {
    return connections.poolStats();
  }

  /**
   * The PRAGMAs in force, as read back from the writer connection when the database opened; empty
   * on PostgreSQL, which has no PRAGMAs.
   */
  public Map<String, String> pragmas() {
    return pragmas;
  }

  /**
   * Writes an online, consistent copy of the database to {@code target}, which must not exist:
   * {@code VACUUM INTO} reads one snapshot while writers go on.
   *
   * @throws KilnException on PostgreSQL, whose backups are the server's business
   *     ({@code pg_dump}, or the provider's snapshots and point-in-time recovery)
   */
  public void backup(Path target) {
    if (source == null) {
      throw new KilnException("backup(Path) copies a SQLite database file; this database is"
          + " PostgreSQL: back it up with pg_dump or the server's own backups (base backups and"
          + " WAL archiving, or your provider's snapshots)");
    }
    Backup.to(source, target);
  }

  /** The engine that generated code runs on; application code does not need it. */
  public Engine engine() {
    return engine;
  }

  /**
   * Stops the background jobs (waiting for one that runs), refreshes SQLite's statistics as
   * SQLite recommends before closing, and closes every connection. Streams still open fail on
   * their next row.
   */
  @Override
  public void close() {
    background.close();
    if (source != null && !closed) {
      try {
        maintenance.optimize();
      } catch (RuntimeException e) {
        // closing goes on: statistics are a help, not a duty
      }
    }
    closed = true;
    poolWatch.close();
    telemetry.slowQueryLog().close();
    connections.close();
  }

  private static final String POSTGRESQL = "jdbc:postgresql:";

  private static String urlOf(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }
}
