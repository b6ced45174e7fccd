package dev.kiln.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.util.List;

/**
 * What Kiln reads of a HikariCP pool for {@code db.pool()}: the pool's own counts, and the time
 * each connection took to get, which HikariCP measures anyway and hands to a metrics tracker.
 */
public final class Pools {

  private Pools() {}

  /**
   * Makes {@code config}'s pool record the time of each acquisition in {@code waits}, and adds
   * its tracker to {@code trackers}, where a metrics system can attach its own later (HikariCP
   * takes one tracker factory, once, before the pool starts).
   */
  public static void track(HikariConfig config, Waits waits, List<Tracker> trackers) {
    config.setMetricsTrackerFactory((name, stats) -> {
      Tracker tracker = new Tracker(name, stats, waits);
      trackers.add(tracker);
      return tracker;
    });
  }

  /** Hands every pool of {@code trackers} to {@code factory}'s trackers from now on. */
  public static void attach(List<Tracker> trackers, MetricsTrackerFactory factory) {
    for (Tracker tracker : trackers) {
      tracker.attach(factory);
    }
  }

  /** One pool's tracker: Kiln's acquisition times, and what an attached tracker records. */
  public static final class Tracker implements IMetricsTracker {
    private final String pool;
    private final PoolStats stats;
    private final Waits waits;
    private volatile IMetricsTracker attached;

    Tracker(String pool, PoolStats stats, Waits waits) {
      this.pool = pool;
      this.stats = stats;
      this.waits = waits;
    }

    synchronized void attach(MetricsTrackerFactory factory) {
      if (attached != null) {
        throw new IllegalStateException("pool metrics of " + pool + " are already bound");
      }
      attached = factory.create(pool, stats);
    }

    @Override
    public void recordConnectionAcquiredNanos(long nanos) {
      waits.record(nanos);
      IMetricsTracker other = attached;
      if (other != null) {
        other.recordConnectionAcquiredNanos(nanos);
      }
    }

    @Override
    public void recordConnectionCreatedMillis(long millis) {
      IMetricsTracker other = attached;
      if (other != null) {
        other.recordConnectionCreatedMillis(millis);
      }
    }

    @Override
    public void recordConnectionUsageMillis(long millis) {
      IMetricsTracker other = attached;
      if (other != null) {
        other.recordConnectionUsageMillis(millis);
      }
    }

    @Override
    public void recordConnectionTimeout() {
      IMetricsTracker other = attached;
      if (other != null) {
        other.recordConnectionTimeout();
      }
    }

    @Override
    public void close() {
      IMetricsTracker other = attached;
      if (other != null) {
        other.close();
      }
    }
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
