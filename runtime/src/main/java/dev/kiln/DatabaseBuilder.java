package dev.kiln;

import dev.kiln.internal.sqlite.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link Database}; start from {@link Database#builder(String)}.
 *
 * <pre>{@code
 * Database db = Database.builder("jdbc:sqlite:app.db")
 *     .pragma("cache_size", "-64000")          // 64 MiB page cache per connection
 *     .readPoolSize(4)
 *     .entityCache(10_000, Duration.ofMinutes(5))
 *     .slowQueryThreshold(Duration.ofMillis(50))
 *     .build();
 * }</pre>
 */
public final class DatabaseBuilder {

  final String url;
  final Map<String, String> pragmas = ConnectionFactory.defaultPragmas();
  final java.util.Set<String> explicitPragmas = new java.util.LinkedHashSet<>();
  int poolSize = 10;
  final java.util.List<String> readReplicas = new java.util.ArrayList<>();
  int readPoolSize = Math.max(2, Runtime.getRuntime().availableProcessors());
  long cacheEntries;
  Duration cacheTtl;
  long queryCacheEntries;
  Duration queryCacheTtl;
  Duration slowQueryThreshold = Duration.ofMillis(200);
  Duration criticalQueryThreshold = Duration.ofSeconds(1);
  boolean statementStatistics = true;
  Duration maintenanceEvery;
  java.nio.file.Path backupDir;
  Duration backupEvery;
  int backupsKept;
  int statementCacheSize = 256;
  Duration writeTimeout = Duration.ofSeconds(10);
  Clock clock = Clock.systemUTC();
  Profile profile = Profile.PRODUCTION;
  /** The settings set explicitly, which a profile leaves alone. */
  private final java.util.Set<String> explicit = new java.util.HashSet<>();

  DatabaseBuilder(String url) {
    this.url = url;
  }

  /**
   * Sets a PRAGMA on every connection, replacing Kiln's default for it. Defaults:
   * {@code journal_mode=WAL}, {@code synchronous=NORMAL}, {@code foreign_keys=ON},
   * {@code busy_timeout=5000}, {@code cache_size=-16000}, {@code temp_store=MEMORY},
   * {@code mmap_size=268435456}. Values are checked to be a word or a number.
   */
  public DatabaseBuilder pragma(String name, String value) {
    pragmas.put(name.toLowerCase(Locale.ROOT), value);
    explicitPragmas.add(name.toLowerCase(Locale.ROOT));
    return this;
  }

  /** The number of pooled read connections (default: the number of cores, at least 2). */
  public DatabaseBuilder readPoolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("readPoolSize must be at least 1: " + size);
    }
    readPoolSize = size;
    explicit.add("readPoolSize");
    return this;
  }

  /**
   * The largest number of connections to a PostgreSQL server, shared by writes and reads
   * (default 10; SQLite has one writer and {@link #readPoolSize} readers instead).
   */
  public DatabaseBuilder poolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + size);
    }
    poolSize = size;
    return this;
  }

  /**
   * Sends reads to PostgreSQL read replicas: reads outside a transaction and
   * {@code readTransaction(…)} take the replicas in turn, while writes and {@code transaction(…)}
   * run wholly on the primary. A replica that fails is left out for a few seconds and then tried
   * again; with none left, reads go to the primary.
   *
   * <p>A replica applies the primary's writes a moment later (replication lag): a read outside a
   * transaction right after a write may not see it yet. Read your own writes inside
   * {@code transaction(…)}, which reads from the primary.
   */
  public DatabaseBuilder readReplicas(String... jdbcUrls) {
    for (String url : jdbcUrls) {
      if (!url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("a read replica is a jdbc:postgresql: URL: " + url);
      }
      readReplicas.add(url);
    }
    return this;
  }

  /**
   * Caches entities by primary key, up to {@code maxEntries}, each for at most {@code ttl}.
   * {@code findById} answers from the cache; a write through Kiln evicts the entity once its
   * transaction commits. Writes by other processes are not seen until {@code ttl} expires.
   */
  public DatabaseBuilder entityCache(long maxEntries, Duration ttl) {
    if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("entityCache needs maxEntries >= 1 and a positive ttl");
    }
    cacheEntries = maxEntries;
    cacheTtl = ttl;
    return this;
  }

  /**
   * Caches whole query results — typed queries marked {@code .cached()} and {@code @Cached} DAO
   * methods — by statement and bound values, up to {@code maxEntries}, each for at most
   * {@code ttl}. A result is dropped as soon as a write through Kiln to any table its statement
   * reads commits (joins, subqueries and cascades included); a rolled-back write drops nothing.
   * Writes by other processes are seen when {@code ttl} ends, or after
   * {@link Database#invalidate}.
   */
  public DatabaseBuilder queryCache(long maxEntries, Duration ttl) {
    if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("queryCache needs maxEntries >= 1 and a positive ttl");
    }
    queryCacheEntries = maxEntries;
    queryCacheTtl = ttl;
    return this;
  }

  /**
   * Statements that take at least {@code threshold} are counted in {@link Stats#slowQueries()},
   * kept in {@link Database#slowQueryLog()} with their plan and advice, and logged at WARN on the
   * {@code dev.kiln.slow} logger (default 200 ms; zero turns it off).
   */
  public DatabaseBuilder slowQueryThreshold(Duration threshold) {
    slowQueryThreshold = threshold;
    explicit.add("slowQueryThreshold");
    return this;
  }

  /**
   * Statements that take at least {@code threshold} are critical: logged at ERROR instead of
   * WARN, and marked {@link SlowQuery#critical()} (default 1 s; zero turns it off).
   */
  public DatabaseBuilder criticalQueryThreshold(Duration threshold) {
    criticalQueryThreshold = threshold;
    explicit.add("criticalQueryThreshold");
    return this;
  }

  /**
   * Whether to keep each statement's figures ({@code db.stats().statements()}, on by default:
   * a map lookup and a histogram update per statement). Off, only the totals are counted.
   */
  public DatabaseBuilder statementStatistics(boolean on) {
    statementStatistics = on;
    return this;
  }

  /**
   * Runs {@code maintenance().optimize()} and {@code checkpoint()} every {@code period} on one
   * daemon thread, which {@code close()} stops. Off by default.
   */
  public DatabaseBuilder maintenanceEvery(Duration period) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("maintenanceEvery needs a positive period: " + period);
    }
    maintenanceEvery = period;
    return this;
  }

  /**
   * Takes an online backup into {@code dir} every {@code every} (the first after one period),
   * each written under a temporary name, verified with {@code integrity_check} and then named
   * {@code <database>-<UTC time>.db}; keeps the newest {@code keep}. A failed backup is logged,
   * reported by {@code db.health()}, leaves no partial file and deletes no good one. SQLite
   * only: a PostgreSQL server is backed up by its own tools.
   */
  public DatabaseBuilder backups(java.nio.file.Path dir, Duration every, int keep) {
    if (every.isNegative() || every.isZero() || keep < 1) {
      throw new IllegalArgumentException("backups needs a positive period and keep >= 1");
    }
    backupDir = dir;
    backupEvery = every;
    backupsKept = keep;
    return this;
  }

  /**
   * The prepared statements kept per connection (default 256), on either engine: the least
   * recently used beyond it is closed.
   */
  public DatabaseBuilder statementCacheSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("statementCacheSize must be at least 1: " + size);
    }
    statementCacheSize = size;
    return this;
  }

  /**
   * The clock with which Kiln fills {@code @CreatedAt} and {@code @UpdatedAt} properties (default
   * the system's, in UTC); times are kept to the microsecond, which both engines store exactly.
   * A fixed clock makes tests repeatable.
   */
  public DatabaseBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How long a write may wait for the database (default 10 s): for another thread of this
   * process to release Kiln's writer connection, and for another process to release SQLite's
   * write lock, retried with backoff after each {@code busy_timeout}. Past it the write fails
   * with a {@code KilnException} that says who holds what.
   */
  public DatabaseBuilder writeTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("writeTimeout must be positive: " + timeout);
    }
    writeTimeout = timeout;
    explicit.add("writeTimeout");
    return this;
  }

  /** Opens the database and checks that the PRAGMAs took effect. */
  /**
   * Takes the defaults of {@code profile} (see {@link Profile}) for every setting not set
   * explicitly on this builder, before or after this call.
   */
  public DatabaseBuilder profile(Profile profile) {
    this.profile = java.util.Objects.requireNonNull(profile, "profile");
    return this;
  }

  public Database build() {
    applyProfile();
    return new Database(this);
  }

  /** The profile's values for what was not set explicitly. */
  private void applyProfile() {
    Profile p = profile;
    setPragmaUnlessExplicit("synchronous", p.synchronous);
    setPragmaUnlessExplicit("cache_size", p.cacheSize);
    setPragmaUnlessExplicit("busy_timeout", p.busyTimeout);
    if (!explicit.contains("readPoolSize")) {
      readPoolSize = p.readPoolSize > 0 ? p.readPoolSize
          : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
    if (!explicit.contains("slowQueryThreshold")) {
      slowQueryThreshold = p.slowQueryThreshold;
    }
    if (!explicit.contains("criticalQueryThreshold")) {
      criticalQueryThreshold = p.criticalQueryThreshold;
    }
    if (!explicit.contains("writeTimeout")) {
      writeTimeout = p.writeTimeout;
    }
  }

  private void setPragmaUnlessExplicit(String name, String value) {
    if (!explicitPragmas.contains(name) && !url.startsWith("jdbc:postgresql:")) {
      pragmas.put(name, value);
    }
  }
}
