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
    long n = count.sum();
    return n == 0 ? Duration.ZERO : Duration.ofNanos(totalNanos.sum() / n);
  }

  public Duration max() {
    return Duration.ofNanos(maxNanos.get());
  }
}
