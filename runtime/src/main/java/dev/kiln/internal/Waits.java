package dev.kiln.internal;

import java.time.Duration;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long threads waited for something (a connection, the writer): count, total and longest,
 * kept with adders so that recording from many threads costs a few nanoseconds and no lock.
 */
public final class Waits {

  private final LongAdder count = new LongAdder();
  private final LongAdder totalNanos = new LongAdder();
  private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

  /** Records one wait of {@code nanos}. */
  public void record(long nanos) {
    count.increment();
    totalNanos.add(nanos);
    maxNanos.accumulate(nanos);
  }

  public long count() {
    return count.sum();
  }

  public Duration mean() {
    return mean(this);
  }

  public Duration max() {
    return Duration.ofNanos(maxNanos.get());
  }

  /** The mean of all the waits {@code waits} recorded together. */
  public static Duration mean(Waits... waits) {
    long n = 0;
    long total = 0;
    for (Waits w : waits) {
      n += w.count.sum();
      total += w.totalNanos.sum();
    }
    return n == 0 ? Duration.ZERO : Duration.ofNanos(total / n);
  }

  /** The longest of the waits {@code waits} recorded. */
  public static Duration max(Waits... waits) {
    long max = 0;
    for (Waits w : waits) {
      max = Math.max(max, w.maxNanos.get());
    }
    return Duration.ofNanos(max);
  }
}
