package dev.kiln.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.IMetricsTracker;

/**
 * What Kiln reads of a HikariCP pool for {@code db.pool()}: the pool's own counts, and the time
 * each connection took to get, which HikariCP measures anyway and hands to a metrics tracker.
 */
public final class Pools {

  private Pools() {}

  /** Makes {@code config}'s pool record the time of each acquisition in {@code waits}. */
  public static void timeAcquisitions(HikariConfig config, Waits waits) {
    config.setMetricsTrackerFactory((name, stats) -> new IMetricsTracker() {
      @Override
      public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
        waits.record(elapsedAcquiredNanos);
      }
    });
  }

  /** The counts of one pool: in use, idle, waiting, maximum. */
  public record Counts(int inUse, int idle, int waiting, int maximum) {

    public static final Counts NONE = new Counts(0, 0, 0, 0);

    /** This and {@code other} together. */
    public Counts plus(Counts other) {
      return new Counts(inUse + other.inUse, idle + other.idle, waiting + other.waiting,
          maximum + other.maximum);
    }
  }

  /** {@code pool}'s counts now; none when it is closed or not yet started. */
  public static Counts counts(HikariDataSource pool) {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    if (bean == null) {
      return Counts.NONE;
    }
    return new Counts(bean.getActiveConnections(), bean.getIdleConnections(),
        bean.getThreadsAwaitingConnection(), pool.getMaximumPoolSize());
  }
}
