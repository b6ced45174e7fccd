package dev.kiln.internal;

import dev.kiln.StatementStats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The figures of one statement: a histogram of its times (nanoseconds, two significant digits,
 * striped across the threads that record at once: {@link StripedTimes}) and adders for errors,
 * rows and query-cache lookups — recorded from any thread without a lock.
 */
final class StatementFigures {

  final String name;
  final String sql;
  private final StripedTimes times = new StripedTimes();
  private final LongAdder errors = new LongAdder();
  private final LongAdder rows = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder cacheMisses = new LongAdder();

  StatementFigures(String name, String sql) {
    this.name = name;
    this.sql = sql;
  }

  void completed(long nanos) {
    times.record(nanos);
  }

  void failed() {
    errors.increment();
  }

  void rows(long count) {
    rows.add(count);
  }

  void cacheHit() {
    cacheHits.increment();
  }

  void cacheMiss() {
    cacheMisses.increment();
  }

  StatementStats snapshot() {
    StripedTimes.Snapshot read = times.snapshot();
    Histogram copy = read.histogram();
    long count = copy.getTotalCount();
    long total = read.totalNanos();
    // The total and the mean are exact; the percentiles and the maximum within 1%.
    return new StatementStats(name, sql, count, errors.sum(), rows.sum(),
        Duration.ofNanos(total), Duration.ofNanos(count == 0 ? 0 : total / count),
        Duration.ofNanos(copy.getValueAtPercentile(50)),
        Duration.ofNanos(copy.getValueAtPercentile(95)),
        Duration.ofNanos(copy.getValueAtPercentile(99)), Duration.ofNanos(copy.getMaxValue()),
        cacheHits.sum(), cacheMisses.sum());
  }
}
