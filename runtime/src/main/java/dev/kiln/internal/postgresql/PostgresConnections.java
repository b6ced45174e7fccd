package dev.kiln.internal.postgresql;

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
import dev.kiln.internal.StatementCache;
import dev.kiln.internal.Telemetry;
import dev.kiln.internal.Waits;
import dev.kiln.migrations.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's connections: a HikariCP pool to the primary, for writes and transactions, and one
 * pool to each read replica, for reads outside a transaction and read transactions; without
 * replicas, reads go to the primary too.
 *
 * <p>Implementation notes: unlike SQLite, PostgreSQL takes writes from many connections at once
 * and orders them itself, so there is no in-process writer lock; a write waits at most the write
 * timeout for a pooled connection. Reads take the replicas in turn. A replica that cannot give a
 * connection (within a short timeout) or loses one with a connection error is taken out for
 * {@link #REPLICA_PAUSE} and then tried again; meanwhile reads go to the others, or to the
 * primary when none is left. The driver keeps server-side prepared statements from the first use
 * ({@code prepareThreshold=1}) unless the URL says otherwise. Every connection's transactions
 * run {@code REPEATABLE READ} by its session default, set when the pool opens it.
 */
public final class PostgresConnections implements Connections {

  /** The trackers of the pools, where a metrics system attaches its own. */
  private final List<Pools.Tracker> trackers = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static final Logger LOG = LoggerFactory.getLogger(PostgresConnections.class);
  private static final String DRIVER = "org.postgresql.Driver";
  /** How long a failed replica is left out before it is tried again. */
  static final Duration REPLICA_PAUSE = Duration.ofSeconds(5);
  /** How long a read waits for a replica's connection before it tries elsewhere. */
  private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(1);

  private final HikariDataSource primary;
  private final List<Replica> replicas = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final Telemetry telemetry;
  private final Duration writeTimeout;
  /** How long threads waited for a pooled connection, on any of the pools. */
  private final Waits waits = new Waits();
  /** The prepared statements of each physical connection, kept across leases. */
  private final Map<Connection, StatementCache> statementCaches = new ConcurrentHashMap<>();
  private final int statementCacheSize;

  public PostgresConnections(String url, List<String> replicaUrls, int poolSize,
      Duration writeTimeout, Telemetry telemetry, int statementCacheSize) {
    requireDriver();
    this.statementCacheSize = statementCacheSize;
    this.primaryUrl = redacted(url);
    this.telemetry = telemetry;
    this.writeTimeout = writeTimeout;
    Duration wait = Duration.ofMillis(Math.max(250, writeTimeout.toMillis()));
    this.primary = pool("kiln-postgresql", url, poolSize, wait, true);
    try {
      for (int i = 0; i < replicaUrls.size(); i++) {
        // A replica that is down at start-up is left out and tried again later, as one that
        // goes down afterwards.
        replicas.add(new Replica(replicaUrls.get(i), pool("kiln-replica-" + (i + 1),
            replicaUrls.get(i), poolSize, REPLICA_TIMEOUT, false)));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private HikariDataSource pool(String name, String url, int size, Duration timeout,
      boolean primary) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setDriverClassName(DRIVER);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    // Every transaction's isolation, set once per connection (see PostgresSession.begin).
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    config.setConnectionTimeout(timeout.toMillis());
    // The primary must answer at start-up; a replica that does not is tried again later.
    config.setInitializationFailTimeout(primary ? 1 : -1);
    Pools.track(config, waits, trackers);
    if (!url.contains("prepareThreshold")) {
      config.addDataSourceProperty("prepareThreshold", "1");
    }
    if (primary && !url.contains("lock_timeout")) {
      // A write waits for another transaction's row lock as long as for a connection, then
      // fails naming the cause, instead of waiting without end as PostgreSQL does by default.
      // The setting rides on the connection's start-up packet; a URL with options of its own
      // would replace it there, so then each new connection sets it with one statement.
      if (url.contains("options=")) {
        config.setConnectionInitSql("SET lock_timeout = " + timeout.toMillis());
      } else {
        config.addDataSourceProperty("options", "-c lock_timeout=" + timeout.toMillis());
      }
    }
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new KilnException("cannot open " + redacted(url) + ": " + rootMessage(e), e);
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  public SqlDialect sql() {
    return SqlDialect.POSTGRESQL;
  }

  @Override
  public EngineErrors errors() {
    return PostgresErrors.INSTANCE;
  }

  @Override
  public KeyLists keyLists() {
    return PostgresArrays.KEY_LISTS;
  }

  /** The replicas answering, when there are some. */
  @Override
  public Map<String, Health.Check> engineChecks() {
    if (replicas.isEmpty()) {
      return Map.of();
    }
    long now = System.nanoTime();
    long down = replicas.stream().filter(r -> r.down(now)).count();
    return Map.of("replicas", new Health.Check(down == 0 ? Health.Status.UP
        : Health.Status.DEGRADED, (replicas.size() - down) + " of " + replicas.size()
            + " answering" + (down == 0 ? "" : "; reads go to the others, or the primary")));
  }

  /** The primary's pool and the replicas' together; writers never wait for each other here. */
  @Override
  public PoolStats poolStats() {
    Pools.Counts counts = Pools.counts(primary);
    for (Replica replica : replicas) {
      counts = counts.plus(Pools.counts(replica.pool));
    }
    return new PoolStats(counts.inUse(), counts.idle(), counts.waiting(), counts.maximum(),
        waits.count(), waits.mean(), waits.max(), Duration.ZERO, Duration.ZERO);
  }

  /** A session on a connection of {@code pool}, with its physical connection's statements. */
  private PostgresSession session(HikariDataSource pool, Replica replica) throws SQLException {
    Connection pooled = pool.getConnection();
    Connection physical;
    try {
      physical = pooled.unwrap(Connection.class);
    } catch (SQLException | RuntimeException e) {
      pooled.close();
      throw e;
    }
    // Only this lease uses this physical connection now, so no other thread adds its cache.
    StatementCache cache = statementCaches.get(physical);
    if (cache == null) {
      // A new physical connection: the pool may have retired others, and their statements
      // closed with them.
      statementCaches.keySet().removeIf(PostgresConnections::isClosed);
      cache = new StatementCache(statementCacheSize);
      statementCaches.put(physical, cache);
    }
    return new PostgresSession(pool, pooled, physical, cache, telemetry, replica);
  }

  private static boolean isClosed(Connection physical) {
    try {
      return physical.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  @Override
  public Lease writer() throws SQLException {
    requireOpen();
    return session(primary, null);
  }

  /** A replica's connection, the replicas taken in turn, or the primary's when none answers. */
  @Override
  public Lease reader() throws SQLException {
    requireOpen();
    int count = replicas.size();
    if (count > 0) {
      int first = Math.floorMod(next.getAndIncrement(), count);
      long now = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Replica replica = replicas.get((first + i) % count);
        if (replica.down(now)) {
          continue;
        }
        try {
          return session(replica.pool, replica);
        } catch (SQLException e) {
          replica.takeOut(e);
        }
      }
    }
    return writer();
  }

  /**
   * Whether a read that failed with {@code e} on {@code lease} may run again elsewhere: the
   * replica lost its connection (SQLSTATE class 08, or the server shutting down), so it is taken
   * out and nothing was written.
   */
  @Override
  public boolean retryRead(Lease lease, SQLException e) {
    if (!(lease instanceof PostgresSession session) || session.replica() == null) {
      return false;
    }
    boolean lost = PostgresErrors.connectionLost(e);
    if (lost) {
      session.replica().takeOut(e);
    }
    return lost;
  }

  @Override
  public boolean hasReplicas() {
    return !replicas.isEmpty();
  }

  @Override
  public void attachPoolMetrics(MetricsTrackerFactory factory) {
    Pools.attach(trackers, factory);
  }

  @Override
  public EngineMaintenance maintenance() {
    return new PostgresMaintenance(this);
  }

  @Override
  public StatementPlan plan(String sql) throws SQLException {
    try (Lease primary = writer()) {
      return PostgresPlans.of(primary.session(), sql);
    }
  }

  @Override
  public boolean hasReaders() {
    return true;
  }

  @Override
  public Duration writeTimeout() {
    return writeTimeout;
  }

  @Override
  public void close() {
    closed = true;
    replicas.forEach(r -> r.pool.close());
    if (primary != null) {
      primary.close();
    }
    statementCaches.clear();
  }

  private volatile boolean closed;
  /** The primary's URL without its password, for messages. */
  private final String primaryUrl;

  /** Refuses work once the database is closed, with a message that says so. */
  private void requireOpen() {
    if (closed) {
      throw new KilnException("the database at " + primaryUrl
          + " is closed: open a new Database to use it again");
    }
  }

  /** One read replica: its pool, and until when it is left out after a failure. */
  static final class Replica {
    private final String url;
    private final HikariDataSource pool;
    private volatile long downUntil;
    private volatile boolean down;

    Replica(String url, HikariDataSource pool) {
      this.url = url;
      this.pool = pool;
    }

    boolean down(long now) {
      return down && now - downUntil < 0;
    }

    void takeOut(SQLException cause) {
      downUntil = System.nanoTime() + REPLICA_PAUSE.toNanos();
      if (!down) {
        LOG.warn("read replica {} failed and is left out for {} s: {}", redacted(url),
            REPLICA_PAUSE.toSeconds(), cause.getMessage());
      }
      down = true;
    }
  }

  private static void requireDriver() {
    try {
      Class.forName(DRIVER);
    } catch (ClassNotFoundException e) {
      throw new KilnException("a jdbc:postgresql: URL needs PostgreSQL's JDBC driver on the class"
          + " path: add the dependency org.postgresql:postgresql", e);
    }
  }

  /** The URL without a password, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
