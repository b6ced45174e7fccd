package dev.kiln.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.HdrHistogram.Histogram;

/**
 * The times of one statement, recorded from any number of threads at once without their
 * contending: a few HdrHistogram histograms (nanoseconds, {@value #DIGITS} significant digits),
 * each taken by one recording thread at a time, added together when read.
 *
 * <p>Implementation notes: a {@code ConcurrentHistogram} makes every recording thread increment
 * the same two epoch counters and the same bucket, so two threads running one statement by key
 * pass those cache lines back and forth at every execution; on two cores that cost a tenth of a
 * find by key's throughput. Here a thread records into its own stripe, chosen by a per-thread
 * probe, under a flag no other thread touches while the probes stay apart. A statement starts
 * with one stripe; when two threads meet on a stripe the one that found it taken moves its probe
 * on and, up to one stripe per core (at most {@value #MOST}), adds stripes, as {@code LongAdder}
 * adds cells. A statement run from one thread keeps one histogram.
 *
 * <p>Two significant digits put every time within 1% of what was measured, closer than the
 * run-to-run spread of any statement, and keep a stripe that has seen times from microseconds to
 * a second near 25 KB; three digits would take about 170 KB, per statement and per stripe.
 */
final class StripedTimes {

  /** The significant digits of every time kept. */
  static final int DIGITS = 2;

  private static final int MOST = 16;
  /** Stripes at most: the cores, rounded up to a power of two, no more than {@link #MOST}. */
  private static final int LIMIT = limit(Runtime.getRuntime().availableProcessors());

  private static final AtomicInteger NEXT_PROBE = new AtomicInteger();
  private static final ThreadLocal<int[]> PROBE =
      ThreadLocal.withInitial(() -> new int[] {NEXT_PROBE.getAndIncrement()});

  private volatile Stripe[] stripes = {new Stripe()};

  /** Records {@code nanos} in this thread's stripe. */
  void record(long nanos) {
    int[] probe = PROBE.get();
    if (!tryRecord(probe[0], nanos)) {
      recordContended(probe, nanos);
    }
  }

  /** Records {@code nanos} in the stripe {@code probe} picks, unless another thread is on it. */
  private boolean tryRecord(int probe, long nanos) {
    Stripe[] current = stripes;
    Stripe stripe = current[probe & (current.length - 1)];
    if (!stripe.tryTake()) {
      return false;
    }
    try {
      stripe.recordValue(nanos);
      stripe.totalNanos += nanos;
    } finally {
      stripe.give();
    }
    return true;
  }

  /** Another thread was recording on this thread's stripe: move on, adding stripes if allowed. */
  private void recordContended(int[] probe, long nanos) {
    while (true) {
      Stripe[] current = stripes;
      if (current.length < LIMIT) {
        grow(current);
      }
      probe[0]++;
      if (tryRecord(probe[0], nanos)) {
        return;
      }
      Thread.onSpinWait();
    }
  }

  private synchronized void grow(Stripe[] seen) {
    if (stripes != seen) {
      return; // another thread grew them meanwhile
    }
    Stripe[] more = Arrays.copyOf(seen, seen.length * 2);
    for (int i = seen.length; i < more.length; i++) {
      more[i] = new Stripe();
    }
    stripes = more;
  }

  private static int limit(int cores) {
    int stripes = cores <= 1 ? 1 : Integer.highestOneBit(cores - 1) << 1;
    return Math.min(MOST, stripes);
  }

  /** How many stripes there are now. */
  int stripes() {
    return stripes.length;
  }

  /**
   * The times read at once: every stripe's histogram added up, and the exact sum of the times,
   * which the histogram's mean would give only within its precision.
   */
  record Snapshot(Histogram histogram, long totalNanos) {}

  /** Every stripe's times added up, each stripe read while no thread records on it. */
  Snapshot snapshot() {
    Histogram all = new Histogram(DIGITS);
    long totalNanos = 0;
    for (Stripe stripe : stripes) {
      while (!stripe.tryTake()) {
        Thread.onSpinWait();
      }
      try {
        all.add(stripe);
        totalNanos += stripe.totalNanos;
      } finally {
        stripe.give();
      }
    }
    return new Snapshot(all, totalNanos);
  }

  /** A histogram with the flag of the thread recording on it. */
  private static final class Stripe extends Histogram {

    private static final long serialVersionUID = 1L;
    private static final AtomicIntegerFieldUpdater<Stripe> TAKEN =
        AtomicIntegerFieldUpdater.newUpdater(Stripe.class, "taken");

    private volatile int taken;
    /** The sum of the times recorded, written and read only by the thread that took the flag. */
    long totalNanos;

    Stripe() {
      super(DIGITS);
    }

    boolean tryTake() {
      return taken == 0 && TAKEN.compareAndSet(this, 0, 1);
    }

    void give() {
      TAKEN.lazySet(this, 0);
    }
  }
}
