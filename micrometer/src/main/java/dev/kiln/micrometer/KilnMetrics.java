package dev.kiln.micrometer;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.kiln.Database;
import dev.kiln.Health;
import dev.kiln.PoolStats;
import dev.kiln.StatementStats;
import dev.kiln.Stats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Every figure of a Kiln {@link Database} as Micrometer meters named {@code kiln.*}:
 *
 * <pre>{@code
 * new KilnMetrics(db).bindTo(registry);
 * }</pre>
 *
 * <ul>
 *   <li>per statement, tagged {@code statement} (its name, {@code AuthorRepository.findById})
 *       and {@code sql} (a short hash of its SQL, since typed queries of one table share a name):
 *       {@code kiln.statement} (a function timer: count and total time),
 *       {@code kiln.statement.percentile} (tagged {@code phi} 0.5, 0.95, 0.99),
 *       {@code kiln.statement.max}, {@code kiln.statement.errors}, {@code kiln.statement.rows},
 *       {@code kiln.statement.cache.gets} (tagged {@code result} hit or miss);
 *   <li>in total: {@code kiln.statements}, {@code kiln.statements.slow},
 *       {@code kiln.statements.prepared}, {@code kiln.cache.gets} (tagged {@code cache} entity or
 *       query and {@code result} hit or miss), {@code kiln.transactions} (tagged {@code result}
 *       commit or rollback);
 *   <li>the pool: {@code kiln.pool.connections} (tagged {@code state} active, idle, pending),
 *       {@code kiln.pool.connections.max}, {@code kiln.pool.utilization},
 *       {@code kiln.pool.acquire.max}; and HikariCP's own {@code hikaricp.*} meters;
 *   <li>health: {@code kiln.health} (1 up, 0.5 degraded, 0 down) and {@code kiln.health.check}
 *       per check, tagged {@code check}.
 * </ul>
 *
 * <p>The statements' figures come from the histograms Kiln keeps anyway, read when the registry
 * reads the meters (no recording is added to the hot path); their percentiles cover the time
 * since the database opened. One snapshot serves every meter read within a quarter of a second,
 * so a scrape costs one snapshot and, for health, one {@code SELECT 1}.
 */
public final class KilnMetrics implements MeterBinder {

  private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final Database db;
  private final Tags tags;
  private Snapshot snapshot;

  /** The figures of {@code db}. */
  public KilnMetrics(Database db) {
    this(db, Tags.empty());
  }

  /** The figures of {@code db}, with {@code tags} on every meter (say, which database). */
  public KilnMetrics(Database db, Iterable<Tag> tags) {
    this.db = db;
    this.tags = Tags.of(tags);
  }

  /** The figures read at one moment, shared by the meters read within a quarter of a second. */
  private record Snapshot(long at, Stats stats, Map<String, StatementStats> bySql,
      PoolStats pool, Health health) {}

  private synchronized Snapshot now() {
    long at = System.nanoTime();
    if (snapshot == null || at - snapshot.at() > FRESH_NANOS) {
      Stats stats = db.stats();
      Map<String, StatementStats> bySql = new HashMap<>();
      stats.statements().forEach(s -> bySql.put(s.sql(), s));
      snapshot = new Snapshot(at, stats, bySql, db.pool(), db.health());
    }
    return snapshot;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "kiln.statements", "statements run", s -> s.stats().statementsExecuted());
    counter(registry, "kiln.statements.slow", "statements over the slow-query threshold",
        s -> s.stats().slowQueries());
    counter(registry, "kiln.statements.prepared", "statements compiled by the engine",
        s -> s.stats().statementsPrepared());
    cacheGets(registry, "entity", "hit", s -> s.stats().cacheHits());
    cacheGets(registry, "entity", "miss", s -> s.stats().cacheMisses());
    cacheGets(registry, "query", "hit", s -> s.stats().queryCacheHits());
    cacheGets(registry, "query", "miss", s -> s.stats().queryCacheMisses());
    FunctionCounter.builder("kiln.transactions", this, m -> m.now().stats().commits())
        .tags(tags).tag("result", "commit").description("transactions committed")
        .register(registry);
    FunctionCounter.builder("kiln.transactions", this, m -> m.now().stats().rollbacks())
        .tags(tags).tag("result", "rollback")
        .description("transactions and savepoints rolled back").register(registry);
    pool(registry);
    health(registry);
    db.engine().attachPoolMetrics(new MicrometerMetricsTrackerFactory(registry));
    db.onStatement((name, sql) -> statement(registry, name, sql));
  }

  private void counter(MeterRegistry registry, String name, String description,
      ToDoubleFunction<Snapshot> value) {
    FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.now())).tags(tags)
        .description(description).register(registry);
  }

  private void cacheGets(MeterRegistry registry, String cache, String result,
      ToDoubleFunction<Snapshot> value) {
    FunctionCounter.builder("kiln.cache.gets", this, m -> value.applyAsDouble(m.now()))
        .tags(tags).tag("cache", cache).tag("result", result)
        .description("cache lookups").register(registry);
  }

  private void pool(MeterRegistry registry) {
    for (String state : new String[] {"active", "idle", "pending"}) {
      Gauge.builder("kiln.pool.connections", this, m -> {
        PoolStats pool = m.now().pool();
        return switch (state) {
          case "active" -> pool.inUse();
          case "idle" -> pool.idle();
          default -> pool.waiting();
        };
      }).tags(tags).tag("state", state).description("connections, and threads waiting for one")
          .register(registry);
    }
    Gauge.builder("kiln.pool.connections.max", this, m -> m.now().pool().maximum()).tags(tags)
        .register(registry);
    Gauge.builder("kiln.pool.utilization", this, m -> m.now().pool().utilisation()).tags(tags)
        .description("connections in use over the maximum, 0 to 1").register(registry);
    TimeGauge.builder("kiln.pool.acquire.max", this, TimeUnit.NANOSECONDS,
        m -> m.now().pool().acquireMax().toNanos()).tags(tags)
        .description("the longest wait for a connection").register(registry);
  }

  private void health(MeterRegistry registry) {
    Gauge.builder("kiln.health", this, m -> level(m.now().health().status())).tags(tags)
        .description("1 up, 0.5 degraded, 0 down").register(registry);
    for (String check : db.health().checks().keySet()) {
      Gauge.builder("kiln.health.check", this, m -> {
        Health.Check found = m.now().health().checks().get(check);
        return found == null ? Double.NaN : level(found.status());
      }).tags(tags).tag("check", check).register(registry);
    }
  }

  private static double level(Health.Status status) {
    return switch (status) {
      case UP -> 1;
      case DEGRADED -> 0.5;
      case DOWN -> 0;
    };
  }

  /** The meters of one statement, registered on its first run. */
  private void statement(MeterRegistry registry, String name, String sql) {
    Tags these = tags.and("statement", name, "sql", hash(sql));
    Function<KilnMetrics, StatementStats> of = m -> m.now().bySql().get(sql);
    FunctionTimer.builder("kiln.statement", this,
            m -> (long) figure(of.apply(m), StatementStats::count),
            m -> time(of.apply(m), StatementStats::total), TimeUnit.NANOSECONDS)
        .tags(these).description("executions and their total time").register(registry);
    for (double phi : new double[] {0.5, 0.95, 0.99}) {
      Function<StatementStats, Duration> at = phi == 0.5 ? StatementStats::p50
          : phi == 0.95 ? StatementStats::p95 : StatementStats::p99;
      TimeGauge.builder("kiln.statement.percentile", this, TimeUnit.NANOSECONDS,
              m -> time(of.apply(m), at))
          .tags(these).tag("phi", String.valueOf(phi)).register(registry);
    }
    TimeGauge.builder("kiln.statement.max", this, TimeUnit.NANOSECONDS,
        m -> time(of.apply(m), StatementStats::max)).tags(these).register(registry);
    FunctionCounter.builder("kiln.statement.errors", this,
        m -> figure(of.apply(m), StatementStats::errors)).tags(these).register(registry);
    FunctionCounter.builder("kiln.statement.rows", this,
        m -> figure(of.apply(m), StatementStats::rows)).tags(these)
        .description("rows returned by list queries and changed by writes").register(registry);
    FunctionCounter.builder("kiln.statement.cache.gets", this,
        m -> figure(of.apply(m), StatementStats::cacheHits)).tags(these).tag("result", "hit")
        .register(registry);
    FunctionCounter.builder("kiln.statement.cache.gets", this,
        m -> figure(of.apply(m), StatementStats::cacheMisses)).tags(these).tag("result", "miss")
        .register(registry);
  }

  private static double figure(StatementStats stats, ToDoubleFunction<StatementStats> value) {
    return stats == null ? 0 : value.applyAsDouble(stats);
  }

  private static double time(StatementStats stats, Function<StatementStats, Duration> value) {
    return stats == null ? 0 : value.apply(stats).toNanos();
  }

  /** Eight hex digits of the SQL's SHA-256: the same statement has the same tag everywhere. */
  static String hash(String sql) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(sql.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
