package dev.kiln.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Statement times recorded from many threads at once read back as one histogram would. */
class StripedTimesTest {

  @Test
  void oneThreadKeepsOneStripeAndReadsAsAPlainHistogram() {
    StripedTimes times = new StripedTimes();
    Histogram expected = new Histogram(StripedTimes.DIGITS);
    for (long v = 1; v <= 200_000; v += 7) {
      times.record(v * 13);
      expected.recordValue(v * 13);
    }
    assertEquals(1, times.stripes());
    assertEquals(expected, times.snapshot().histogram());
  }

  @Test
  void timesFromAMicrosecondToASecondStayWithinOnePercentInAFewKilobytes() {
    StripedTimes times = new StripedTimes();
    times.record(1_000);
    times.record(1_000_000_000);
    Histogram read = times.snapshot().histogram();
    assertTrue(read.getEstimatedFootprintInBytes() < 32 * 1024,
        "one stripe: " + read.getEstimatedFootprintInBytes() + " bytes");
    assertTrue(Math.abs(read.getMaxValue() - 1_000_000_000) <= 10_000_000,
        "max " + read.getMaxValue());
    assertTrue(Math.abs(read.getMinValue() - 1_000) <= 10, "min " + read.getMinValue());
  }

  @Test
  void theTotalIsTheExactSumWhereTheHistogramKeepsTwoDigits() {
    StripedTimes times = new StripedTimes();
    times.record(1_234_567);
    times.record(1_001);
    StripedTimes.Snapshot read = times.snapshot();
    assertEquals(1_235_568, read.totalNanos());
    assertTrue(read.histogram().getMean() * 2 != 1_235_568,
        "the histogram alone would not give it: " + read.histogram().getMean() * 2);
  }

  @Test
  void manyThreadsLoseNoTimeAndAgreeWithOneHistogram() throws Exception {
    StripedTimes times = new StripedTimes();
    int threads = 8;
    int each = 200_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      CyclicBarrier start = new CyclicBarrier(threads + 1);
      AtomicBoolean done = new AtomicBoolean();
      List<Future<?>> recorders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        recorders.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            times.record(value(thread, i));
          }
          return null;
        }));
      }
      // Reads while the threads record: counts only grow, and no read fails.
      Future<Long> reader = pool.submit(() -> {
        start.await();
        long last = 0;
        while (!done.get()) {
          long count = times.snapshot().histogram().getTotalCount();
          assertTrue(count >= last, "a later read counts no fewer times");
          last = count;
        }
        return last;
      });
      for (Future<?> recorder : recorders) {
        recorder.get();
      }
      done.set(true);
      reader.get();
    } finally {
      pool.shutdownNow();
    }
    Histogram expected = new Histogram(StripedTimes.DIGITS);
    long expectedTotal = 0;
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < each; i++) {
        expected.recordValue(value(t, i));
        expectedTotal += value(t, i);
      }
    }
    StripedTimes.Snapshot read = times.snapshot();
    Histogram actual = read.histogram();
    assertEquals(expected.getTotalCount(), actual.getTotalCount());
    assertEquals(expected, actual);
    assertEquals(expectedTotal, read.totalNanos(), "the exact sum, not the histogram's estimate");
    assertTrue(times.stripes() <= 16, "at most sixteen stripes: " + times.stripes());
  }

  /** Times of every magnitude from a microsecond to seconds, different per thread. */
  private static long value(int thread, int i) {
    return 1_000L + (long) (i % 1000) * (i % 1000) * (thread + 1) * 37;
  }
}
