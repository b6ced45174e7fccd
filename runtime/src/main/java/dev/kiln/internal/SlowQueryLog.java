package dev.kiln.internal;

import dev.kiln.SlowQuery;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.SchemaProvider;
import dev.kiln.migrations.plan.PlanCheck;
import dev.kiln.migrations.schema.Schema;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recent slow statements, each with its engine's plan and advice, behind
 * {@code Database.slowQueryLog()}; and their lines on the {@code dev.kiln.slow} logger, WARN for
 * slow and ERROR for critical.
 *
 * <p>Implementation notes: a plan is read once per statement, on a connection of the pool, by one
 * daemon thread, so that the thread that ran the slow statement (perhaps holding the writer)
 * neither waits for it nor needs a second connection. Its queue is bounded: a flood of slow
 * statements drops entries rather than memory. The advice is the build-time plan check's
 * ({@link PlanCheck}) run on the live plan, so typed queries and fetch plans, which the build does
 * not see, are checked too.
 */
public final class SlowQueryLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.slow");
  /** How many entries the log keeps, the most recent. */
  static final int CAPACITY = 100;

  private final long criticalNanos;
  private final ArrayDeque<SlowQuery> recent = new ArrayDeque<>();
  private final Map<String, Explained> plans = new ConcurrentHashMap<>();
  private final Map<String, EntityInfo> entities = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor planner;
  private volatile Connections connections;
  private volatile Schema schema;
  private volatile boolean closed;

  /** What a statement's plan says, read once. */
  private record Explained(List<String> plan, List<String> advice) {}

  SlowQueryLog(Duration critical) {
    this.criticalNanos = critical.toNanos() <= 0 ? Long.MAX_VALUE : critical.toNanos();
    this.planner = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1_000), runnable -> {
          Thread thread = new Thread(runnable, "kiln-query-plans");
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    planner.allowCoreThreadTimeOut(true);
  }

  /** Reads plans on {@code connections}, and advice from the schema {@code loader} finds. */
  public void attach(Connections connections, ClassLoader loader) {
    this.connections = connections;
    this.schema = SchemaProvider.all(loader);
  }

  /** Names entities and properties in advice, instead of tables and columns. */
  public void know(EntityInfo info) {
    entities.putIfAbsent(info.table().toLowerCase(Locale.ROOT), info);
  }

  /** Records an execution of {@code sql}, named {@code name}, that took {@code nanos}. */
  void record(String name, String sql, long nanos) {
    Instant at = Instant.now();
    boolean critical = nanos >= criticalNanos;
    Explained known = sql.equals("?") ? new Explained(List.of(), List.of()) : plans.get(sql);
    if (known != null) {
      add(new SlowQuery(name, sql, Duration.ofNanos(nanos), at, critical, known.plan(),
          known.advice()), false);
      return;
    }
    planner.execute(() -> {
      boolean first = !plans.containsKey(sql);
      Explained explained = plans.computeIfAbsent(sql, this::explain);
      add(new SlowQuery(name, sql, Duration.ofNanos(nanos), at, critical, explained.plan(),
          explained.advice()), first);
    });
  }

  /** The recent slow statements, oldest first. */
  public List<SlowQuery> entries() {
    synchronized (recent) {
      List<SlowQuery> all = new ArrayList<>(recent);
      all.sort(java.util.Comparator.comparing(SlowQuery::at));
      return all;
    }
  }

  private void add(SlowQuery query, boolean withPlan) {
    if (closed) {
      return;
    }
    synchronized (recent) {
      if (recent.size() == CAPACITY) {
        recent.removeFirst();
      }
      recent.addLast(query);
    }
    String line = (query.critical() ? "critical" : "slow") + " statement "
        + query.name() + " (" + query.duration().toMillis() + " ms): " + query.sql()
        + (withPlan && !query.plan().isEmpty()
            ? "\n  plan:\n    " + String.join("\n    ", query.plan()) : "")
        + (query.advice().isEmpty() ? "" : "\n  advice: " + String.join("; ", query.advice()));
    if (query.critical()) {
      LOG.error(line);
    } else {
      LOG.warn(line);
    }
  }

  private Explained explain(String sql) {
    Connections source = connections;
    if (source == null) {
      return new Explained(List.of(), List.of());
    }
    StatementPlan plan;
    try {
      plan = source.plan(sql);
    } catch (SQLException | RuntimeException e) {
      return new Explained(List.of("(no plan: " + e.getMessage() + ")"), List.of());
    }
    List<String> advice = new ArrayList<>();
    for (PlanCheck.Scan scan : new PlanCheck(schema).scans(sql, plan.scans())) {
      if (scan.column() != null) {
        advice.add(advice(scan));
      }
    }
    return new Explained(plan.lines(), advice);
  }

  /** {@code add @Index(columns = "title") to Book}, or in table terms for unknown entities. */
  private String advice(PlanCheck.Scan scan) {
    EntityInfo info = entities.get(scan.table().toLowerCase(Locale.ROOT));
    String reads = scan.table() + " is read in full (" + scan.planLine().strip() + "): ";
    if (info == null) {
      return reads + "index its column " + scan.column() + " (@Index on the property stored in"
          + " it)";
    }
    return reads + "add @Index(columns = \"" + info.property(scan.column()) + "\") to "
        + info.entity();
  }

  @Override
  public void close() {
    closed = true;
    planner.shutdownNow();
  }
}
