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

  private final long slowNanos;
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

  /** Counts one execution that started at {@code startNanos}, reporting it when it was slow. */
  void executed(long startNanos, String sql) {
    statements.increment();
    long took = System.nanoTime() - startNanos;
    if (took >= slowNanos) {
      slowQueries.increment();
      SLOW.warn("slow statement ({} ms): {}", took / 1_000_000, sql);
    }
  }

  /** A snapshot of the counters. */
  public Stats snapshot() {
    return new Stats(statements.sum(), cacheHits.sum(), cacheMisses.sum(), slowQueries.sum(),
        prepared.sum(), statementCacheHits.sum(), commits.sum(), rollbacks.sum());
  }
}
