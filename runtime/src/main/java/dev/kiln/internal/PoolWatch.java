package dev.kiln.internal;

import dev.kiln.PoolStats;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the pool once a second and says when it stays busy: a warning once utilisation has
 * been above 80% for ten seconds in a row, an error above 95%, each repeated at most once a
 * minute while it lasts, and one line when it is over — so that a saturated pool is seen in the
 * log without flooding it. One daemon thread, stopped by {@link #close()}.
 */
public final class PoolWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.pool");
  static final double WARN = 0.8;
  static final double ERROR = 0.95;
  private static final int SUSTAINED_SECONDS = 10;
  private static final long REPEAT_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Where a report goes: the log, or a test. */
  @FunctionalInterface
  interface Report {
    void say(boolean error, String message);
  }

  private final Supplier<PoolStats> stats;
  private final Report report;
  private final LongSupplier nanos;
  private final ScheduledExecutorService thread;
  private int busySeconds;
  private long lastLogged;
  private boolean reported;

  /** Watches {@code stats} once a second on a daemon thread, reporting to the log. */
  public PoolWatch(Supplier<PoolStats> stats) {
    this(stats, (error, message) -> {
      if (error) {
        LOG.error(message);
      } else {
        LOG.warn(message);
      }
    }, System::nanoTime, true);
  }

  PoolWatch(Supplier<PoolStats> stats, Report report, LongSupplier nanos, boolean start) {
    this.stats = stats;
    this.report = report;
    this.nanos = nanos;
    this.thread = !start ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread t = new Thread(runnable, "kiln-pool-watch");
      t.setDaemon(true);
      return t;
    });
    if (thread != null) {
      thread.scheduleAtFixedRate(this::look, 1, 1, TimeUnit.SECONDS);
    }
  }

  /** One look; package-private so that a test can drive it without waiting. */
  void look() {
    PoolStats now;
    try {
      now = stats.get();
    } catch (RuntimeException closing) {
      return; // the pool is closing; the next look will not come
    }
    double utilisation = now.utilisation();
    busySeconds = utilisation > WARN ? busySeconds + 1 : 0;
    if (busySeconds >= SUSTAINED_SECONDS) {
      long t = nanos.getAsLong();
      if (!reported || t - lastLogged >= REPEAT_NANOS) {
        String message = "the connection pool has been " + Math.round(utilisation * 100)
            + "% in use for " + busySeconds + " s (" + now.inUse() + " of " + now.maximum()
            + " connections, " + now.waiting() + " threads waiting, mean wait "
            + now.acquireMean().toMillis() + " ms): look for slow statements or long"
            + " transactions (db.stats()), or raise the pool size";
        report.say(utilisation > ERROR, message);
        lastLogged = t;
        reported = true;
      }
    } else if (reported && busySeconds == 0) {
      LOG.info("the connection pool is below {}% in use again", Math.round(WARN * 100));
      reported = false;
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
