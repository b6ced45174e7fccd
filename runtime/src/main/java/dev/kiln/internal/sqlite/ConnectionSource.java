package dev.kiln.internal.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import dev.kiln.Dialect;
import dev.kiln.KilnException;
import dev.kiln.Health;
import dev.kiln.PoolStats;
import dev.kiln.internal.Connections;
import dev.kiln.internal.EngineErrors;
import dev.kiln.internal.KeyLists;
import dev.kiln.internal.EngineMaintenance;
import dev.kiln.internal.Lease;
import dev.kiln.internal.StatementPlan;
import dev.kiln.internal.Pools;
import dev.kiln.internal.Session;
import dev.kiln.internal.Waits;
import dev.kiln.mapping.SqlWork;
import dev.kiln.migrations.dialect.SqlDialect;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where connections come from: one writer, guarded in-process, and a HikariCP pool of readers.
 *
 * <p>Implementation notes: SQLite admits one writer at a time. With several writer connections a
 * process races itself into {@code SQLITE_BUSY}, and a read transaction that later writes fails
 * with {@code SQLITE_BUSY_SNAPSHOT} under WAL. So every write goes through the one writer
 * connection, taken with a lock in this process and begun with {@code BEGIN IMMEDIATE}; readers
 * never write ({@code query_only}) and, in WAL mode, never wait for the writer. An in-memory
 * database is visible to one connection only, so there the writer serves reads as well.
 */
public final class ConnectionSource implements Connections {

  /** The trackers of the pools, where a metrics system attaches its own. */
  private final List<Pools.Tracker> trackers = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final KilnConnection writer;
  private final WriterLock writerLock;
  private final Duration writeTimeout;
  private final HikariDataSource readers;

  /** The database file, or null in memory: for the WAL and disk checks. */
  private final Path file;
  private volatile boolean closed;

  /** The database file, or null in memory. */
  public Path file() {
    return file;
  }

  /** Past this, a write-ahead log has grown because checkpoints could not keep up. */
  static final long WAL_LIMIT = 64L << 20;
  /** Below this free space (or 1% of the disk), the database may soon fail to grow. */
  static final long DISK_LOW = 100L << 20;

  /** How long reads waited for a pooled connection. */
  private final Waits readerWaits = new Waits();

  public ConnectionSource(ConnectionFactory factory, int readPoolSize, Duration writeTimeout)
      throws SQLException {
    this.writerLock = new WriterLock(writeTimeout);
    this.file = factory.path();
    this.writeTimeout = writeTimeout;
    this.writer = factory.open();
    if (file != null) {
      OpenFiles.opened(file); // a restore refuses the file until close()
    }
    if (factory.inMemory() || readPoolSize <= 0) {
      this.readers = null;
      return;
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("kiln-readers");
    config.setDataSource(factory.forReaders());
    config.setMaximumPoolSize(readPoolSize);
    // One connection at start; more as threads ask for them, then kept (idleTimeout 0).
    config.setMinimumIdle(1);
    // A local file connection does not go stale, and each carries a warm statement cache:
    // keep them for the life of the database instead of recycling them every 30 minutes.
    config.setMaxLifetime(0);
    config.setIdleTimeout(0);
    config.setKeepaliveTime(0);
    config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(30));
    config.setAutoCommit(true);
    Pools.track(config, readerWaits, trackers);
    this.readers = new HikariDataSource(config);
  }

  /** The writer as a lease: taken with {@link #lockWriter()}, given back by closing it. */
  private final Lease writerLease = new Lease() {
    @Override
    public Session session() {
      return writer;
    }

    @Override
    public void close() {
      unlockWriter();
    }
  };

  @Override
  public Dialect dialect() {
    return Dialect.SQLITE;
  }

  @Override
  public SqlDialect sql() {
    return SqlDialect.SQLITE;
  }

  @Override
  public EngineErrors errors() {
    return SqliteErrors.INSTANCE;
  }

  @Override
  public KeyLists keyLists() {
    return JsonArrays.KEY_LISTS;
  }

  /** Another process may hold SQLite's write lock; nothing has run yet, so wait it out. */
  @Override
  public void begin(Session session, boolean write) throws SQLException {
    SqliteBusy.retry(() -> {
      session.begin(write);
      return null;
    }, writeTimeout, write ? "begin a write" : "begin a read");
  }

  /**
   * Another process may hold SQLite's write lock: then the statement, alone in auto-commit,
   * changed nothing and runs again once the lock is free. The retry is off the hot path, as is its
   * message.
   */
  @Override
  public <T> T onWriter(SqlWork<T> work, String what) throws SQLException {
    try (Lease writer = writer()) {
      try {
        return work.run(writer.session());
      } catch (SQLException e) {
        if (!SqliteBusy.isBusy(e)) {
          throw e;
        }
        return SqliteBusy.retry(() -> work.run(writer.session()), writeTimeout, what);
      }
    }
  }

  @Override
  public Lease writer() {
    lockWriter();
    return writerLease;
  }

  /** The writer, the write-ahead log and the disk. */
  @Override
  public Map<String, Health.Check> engineChecks() {
    Map<String, Health.Check> checks = new LinkedHashMap<>();
    Thread holder = writerLock.holder();
    long heldMillis = TimeUnit.NANOSECONDS.toMillis(writerLock.heldNanos());
    boolean stuck = holder != null && heldMillis > writeTimeout.toMillis();
    checks.put("writer", new Health.Check(stuck ? Health.Status.DEGRADED : Health.Status.UP,
        holder == null ? "free" : "held by thread '" + holder.getName() + "' for " + heldMillis
            + " ms" + (stuck ? ", longer than the write timeout" : "")));
    if (file != null) {
      Path wal = file.resolveSibling(file.getFileName() + "-wal");
      try {
        long size = Files.exists(wal) ? Files.size(wal) : 0;
        checks.put("wal", new Health.Check(size > WAL_LIMIT ? Health.Status.DEGRADED
            : Health.Status.UP, (size >> 10) + " KiB" + (size > WAL_LIMIT
                ? ": checkpoints cannot keep up, likely under a steady stream of readers" : "")));
        FileStore store = Files.getFileStore(file);
        long free = store.getUsableSpace();
        boolean low = free < DISK_LOW || free < store.getTotalSpace() / 100;
        checks.put("disk", new Health.Check(low ? Health.Status.DEGRADED : Health.Status.UP,
            (free >> 20) + " MiB free of " + (store.getTotalSpace() >> 20) + " MiB"));
      } catch (IOException e) {
        checks.put("disk", new Health.Check(Health.Status.DEGRADED,
            "cannot read the database's file: " + e.getMessage()));
      }
    }
    return checks;
  }

  /** The writer and the read pool together. */
  @Override
  public PoolStats poolStats() {
    boolean held = writerLock.isHeld();
    Pools.Counts counts = new Pools.Counts(held ? 1 : 0, held ? 0 : 1, writerLock.waiting(), 1);
    if (readers != null) {
      counts = counts.plus(Pools.counts(readers));
    }
    Waits writes = writerLock.waits;
    return new PoolStats(counts.inUse(), counts.idle(), counts.waiting(), counts.maximum(),
        readerWaits.count() + writes.count(), Waits.mean(readerWaits, writes),
        Waits.max(readerWaits, writes), writes.mean(), writes.max());
  }

  /** A pooled reader, or the writer when there are no readers (an in-memory database). */
  @Override
  public Lease reader() throws SQLException {
    requireOpen();
    if (readers == null) {
      return writer();
    }
    Connection borrowed = readers.getConnection();
    KilnConnection physical = physical(borrowed);
    return new Lease() {
      @Override
      public Session session() {
        return physical;
      }

      @Override
      public void close() throws SQLException {
        borrowed.close();
      }
    };
  }

  /**
   * The writer while it is idle and no one waits for it, otherwise a pooled reader: for one short
   * read outside a transaction. SQLite resets a connection's page cache when another connection
   * has changed the database since its last read, so the first read on a reader after a write
   * costs about 25 µs more than the same read on the connection that wrote (measured on the
   * benchmark data set: 34 against 9 µs at the median); with few threads the writer is idle most
   * of the time, and reading there keeps its cache warm, as one pooled connection does for
   * hand-written JDBC at one client. A read holds the writer for microseconds; a writer that
   * queues meanwhile waits for that read only, and reads never take it while one waits.
   *
   * <p>With many threads reading and none writing the writer still takes its turn: it is the one
   * connection reached without HikariCP's hand-off, and keeping reads off it once the pool's
   * readers were warm cut finds by key from eight threads to a quarter. Two threads pay for it
   * by taking its lock in turn, about 2% of their CPU time.
   */
  @Override
  public Lease briefReader() throws SQLException {
    requireOpen();
    if (readers != null && writerLock.tryLockIdle()) {
      return writerLease;
    }
    return reader();
  }

  /** The writer; hold {@link #lockWriter()} while using it. */
  public KilnConnection writerConnection() {
    return writer;
  }

  /**
   * Takes the writer for this thread, waiting for any other thread that has it, at most the
   * write timeout.
   */
  public void lockWriter() {
    requireOpen();
    writerLock.lock();
  }

  public void unlockWriter() {
    writerLock.unlock();
  }

  /** How long a write waits for the writer and for another process's write lock. */
  @Override
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** Whether this thread holds the writer. */
  public boolean holdsWriter() {
    return writerLock.isHeldByCurrentThread();
  }

  /** Whether reads have their own pool (false for an in-memory database). */
  @Override
  public void attachPoolMetrics(MetricsTrackerFactory factory) {
    Pools.attach(trackers, factory);
  }

  @Override
  public EngineMaintenance maintenance() {
    return new SqliteMaintenance(this);
  }

  @Override
  public StatementPlan plan(String sql) throws SQLException {
    try (Lease reader = reader()) {
      return SqlitePlans.of(reader.session(), sql);
    }
  }

  @Override
  public boolean hasReaders() {
    return readers != null;
  }

  /**
   * Borrows a reader: the pool's handle, to give back with {@link Connection#close()}, and the
   * physical connection behind it, on which statements are prepared and cached.
   */
  public Connection borrowReader() throws SQLException {
    return readers.getConnection();
  }

  /** The physical connection behind a borrowed reader. */
  public static KilnConnection physical(Connection borrowed) throws SQLException {
    return borrowed.unwrap(KilnConnection.class);
  }

  @Override
  public void close() {
    if (file != null && !closed) {
      OpenFiles.closed(file);
    }
    closed = true; // new work is refused from here on
    if (readers != null) {
      readers.close(); // HikariCP waits a bounded time for connections in use
    }
    // Waits up to the write timeout for a running write to finish; closing the writer under
    // one that does not rolls it back.
    boolean taken = writerLock.lockForClose(writeTimeout);
    try {
      writer.close();
    } catch (SQLException e) {
      throw new KilnException("could not close the writer connection: " + e.getMessage(), e);
    } finally {
      if (taken) {
        writerLock.unlock();
      }
    }
  }

  /** Refuses work once the database is closed, with a message that says so. */
  private void requireOpen() {
    if (closed) {
      throw new KilnException("the database " + (file == null ? "in memory" : file)
          + " is closed: open a new Database to use it again");
    }
  }
}
