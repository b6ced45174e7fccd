package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * Four readers of a cached value race one writer that sets it to 1, 2, … {@code writes}, each in
 * a commit of its own: once a value has committed, no read that starts afterwards may return a
 * smaller one — a read that began before a commit and finished after it must not put the old
 * value back into a cache.
 */
final class StaleReadRace {

  private StaleReadRace() {}

  /**
   * Runs the race; returns null, or how a reader saw a stale value.
   *
   * @param read reads the value, through the cache under test
   * @param write commits the value it is given
   */
  static String run(int writes, IntSupplier read, IntConsumer write) throws Exception {
    AtomicInteger committed = new AtomicInteger();
    AtomicReference<String> stale = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch reading = new CountDownLatch(4);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(pool.submit(() -> {
          reading.countDown();
          while (committed.get() < writes && stale.get() == null) {
            int floor = committed.get();
            int seen = read.getAsInt();
            if (seen < floor) {
              stale.set("read " + seen + " after " + floor + " had committed");
            }
          }
        }));
      }
      assertTrue(reading.await(1, TimeUnit.MINUTES));
      Future<?> writer = pool.submit(() -> {
        for (int i = 1; i <= writes; i++) {
          write.accept(i);
          committed.set(i);
        }
      });
      writer.get(2, TimeUnit.MINUTES);
      for (Future<?> reader : readers) {
        reader.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return stale.get();
  }
}
