package dev.kiln.internal;

import dev.kiln.Stats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counters behind {@code Database.stats()}, shared by every connection of one database.
 * {@link LongAdder}s keep the hot path free of contention between reader threads.
 */
public final class Telemetry {

  private static final Logger SLOW = LoggerFactory.getLogger("dev.kiln.slow");

  final long slowNanos;
  final LongAdder statements = new LongAdder();
  final LongAdder prepared = new LongAdder();
  final LongAdder statementCacheHits = new LongAdder();
  final LongAdder slowQueries = new LongAdder();
  public final LongAdder cacheHits = new LongAdder();
  public final LongAdder cacheMisses = new LongAdder();
  public final LongAdder commits = new LongAdder();
  public final LongAdder rollbacks = new LongAdder();

  /** A zero or negative threshold turns slow-query reporting off. */
  public Telemetry(Duration slowQueryThreshold) {
    long nanos = slowQueryThreshold.toNanos();
    this.slowNanos = nanos <= 0 ? Long.MAX_VALUE : nanos;
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
   * Counts an execution of {@code statement} that began at {@code start} ({@code nanoTime});
   * its SQL is looked up in {@code sqlOf} only when it was slow.
   */
  public void executed(long start, java.sql.PreparedStatement statement,
      java.util.Map<java.sql.PreparedStatement, String> sqlOf) {
    long took = System.nanoTime() - start;
    statements.increment();
    if (took >= slowNanos) {
      slow(took, sqlOf == null ? "?" : sqlOf.get(statement));
    }
  }

  /** Reports a statement that took {@code nanos}, at least the slow-query threshold. */
  void slow(long nanos, String sql) {
    slowQueries.increment();
    SLOW.warn("slow statement ({} ms): {}", nanos / 1_000_000, sql);
  }

  /** A snapshot of the counters. */
  public Stats snapshot() {
    return new Stats(statements.sum(), cacheHits.sum(), cacheMisses.sum(), slowQueries.sum(),
        prepared.sum(), statementCacheHits.sum(), commits.sum(), rollbacks.sum());
  }
}
