package dev.kiln.internal;

import dev.kiln.StatementStats;
import dev.kiln.Stats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters behind {@code Database.stats()}, shared by every connection of one database.
 * {@link LongAdder}s keep the hot path free of contention between reader threads.
 */
public final class Telemetry {

  final long slowNanos;
  final LongAdder statements = new LongAdder();
  final LongAdder prepared = new LongAdder();
  final LongAdder statementCacheHits = new LongAdder();
  final LongAdder slowQueries = new LongAdder();
  public final LongAdder cacheHits = new LongAdder();
  public final LongAdder cacheMisses = new LongAdder();
  private final LongAdder queryCacheHits = new LongAdder();
  private final LongAdder queryCacheMisses = new LongAdder();
  public final LongAdder commits = new LongAdder();
  public final LongAdder rollbacks = new LongAdder();
  private final Map<String, StatementFigures> bySql = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();
  private volatile StatementNames names = StatementNames.none();

  private final SlowQueryLog slowLog;
  /** Whether each statement's figures are kept (statementStatistics); totals always are. */
  private final boolean perStatement;

  /**
   * Statements of at least {@code slowQueryThreshold} are slow, of at least
   * {@code criticalThreshold} critical; a zero or negative threshold turns reporting off.
   */
  public Telemetry(Duration slowQueryThreshold, Duration criticalThreshold,
      boolean perStatement) {
    this.perStatement = perStatement;
    long nanos = slowQueryThreshold.toNanos();
    this.slowNanos = nanos <= 0 ? Long.MAX_VALUE : nanos;
    this.slowLog = new SlowQueryLog(criticalThreshold);
  }

  /** The slow-query log, which reads plans on {@code connections}; see {@link SlowQueryLog}. */
  public SlowQueryLog slowQueryLog() {
    return slowLog;
  }

  /** Counts a statement prepared. */
  public void statementPrepared() {
    prepared.increment();
  }

  /** Counts a statement found in a statement cache. */
  public void statementReused() {
    statementCacheHits.increment();
  }

  /**
   * Counts an execution that began at {@code start} ({@code nanoTime}) and changed {@code rows},
   * in the figures of its statement, {@code known} (null for one Kiln does not know).
   */
  public void executed(long start, StatementCache.Kept known, long rows) {
    long took = System.nanoTime() - start;
    statements.increment();
    if (known != null && perStatement) {
      StatementFigures figures = figures(known);
      figures.completed(took);
      if (rows > 0) {
        figures.rows(rows);
      }
    }
    if (took >= slowNanos) {
      slow(took, known == null ? null : known.sql);
    }
  }

  /** Counts an execution of the statement {@code known} (or of an unknown one) that failed. */
  public void failed(StatementCache.Kept known) {
    if (known != null && perStatement) {
      figures(known).failed();
    }
  }

  /** Counts the rows a query of the statement {@code known} (or of an unknown one) returned. */
  public void rowsRead(StatementCache.Kept known, long rows) {
    if (known != null && perStatement && rows > 0) {
      figures(known).rows(rows);
    }
  }

  /** Counts a query-cache lookup of {@code sql} that found a live result. */
  public void queryCacheHit(String sql) {
    queryCacheHits.increment();
    if (perStatement) {
      figures(sql).cacheHit();
    }
  }

  /** Counts a query-cache lookup of {@code sql} that went to the database. */
  public void queryCacheMiss(String sql) {
    queryCacheMisses.increment();
    if (perStatement) {
      figures(sql).cacheMiss();
    }
  }

  /** The figures of {@code known}'s SQL, kept with it after the first lookup. */
  private StatementFigures figures(StatementCache.Kept known) {
    StatementFigures figures = known.figures;
    if (figures == null) {
      figures = figures(known.sql);
      known.figures = figures;
    }
    return figures;
  }

  private StatementFigures figures(String sql) {
    StatementFigures figures = bySql.get(sql);
    if (figures == null) {
      StatementFigures made = new StatementFigures(names.of(sql), sql);
      figures = bySql.putIfAbsent(sql, made);
      if (figures == null) {
        figures = made;
        listeners.forEach(listener -> listener.accept(made.name, made.sql));
      }
    }
    return figures;
  }

  /**
   * Calls {@code listener} with the name and SQL of every statement counted so far, and then of
   * each new one when it is first counted.
   */
  public void onStatement(BiConsumer<String, String> listener) {
    listeners.add(listener);
    bySql.values().forEach(figures -> listener.accept(figures.name, figures.sql));
  }

  /** Names statements after what the build saw, from {@code loader}'s query lists. */
  public void nameStatementsFrom(ClassLoader loader) {
    this.names = StatementNames.load(loader);
  }

  /** Reports a statement that took {@code nanos}, at least the slow-query threshold. */
  void slow(long nanos, String sql) {
    slowQueries.increment();
    slowLog.record(sql == null ? "?" : names.of(sql), sql == null ? "?" : sql, nanos);
  }

  /** A snapshot of the counters and of every statement's figures. */
  public Stats snapshot() {
    List<StatementStats> each = new ArrayList<>(bySql.size());
    bySql.values().forEach(f -> each.add(f.snapshot()));
    each.sort(Comparator.comparing(StatementStats::name).thenComparing(StatementStats::sql));
    return new Stats(statements.sum(), cacheHits.sum(), cacheMisses.sum(), slowQueries.sum(),
        prepared.sum(), statementCacheHits.sum(), commits.sum(), rollbacks.sum(),
        queryCacheHits.sum(), queryCacheMisses.sum(), each);
  }
}
