package dev.kiln.internal;

import dev.kiln.Health;
import dev.kiln.Health.Check;
import dev.kiln.Health.Status;
import dev.kiln.PoolStats;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks behind {@code db.health()} that every engine shares — a connection answers, the
 * pool is not exhausted — followed by the engine's own ({@link Connections#engineChecks()}).
 */
public final class HealthChecks {

  private HealthChecks() {}

  /** The checks of {@code connections}, then {@code more} (a database's own: backups). */
  public static Health of(Connections connections, Map<String, Check> more) {
    Map<String, Check> checks = new LinkedHashMap<>();
    checks.put("connection", connection(connections));
    PoolStats pool = connections.poolStats();
    boolean exhausted = pool.inUse() >= pool.maximum() && pool.waiting() > 0;
    checks.put("pool", new Check(exhausted ? Status.DEGRADED : Status.UP, pool.inUse() + " of "
        + pool.maximum() + " connections in use, " + pool.waiting() + " threads waiting"));
    checks.putAll(connections.engineChecks());
    checks.putAll(more);
    Status status = checks.get("connection").status() == Status.DOWN ? Status.DOWN
        : checks.values().stream().anyMatch(c -> c.status() != Status.UP) ? Status.DEGRADED
        : Status.UP;
    return new Health(status, checks);
  }

  /** {@code SELECT 1} on a connection for reads, timed. */
  private static Check connection(Connections connections) {
    long start = System.nanoTime();
    try (Lease lease = connections.reader()) {
      PreparedStatement ps = lease.session().prepare("SELECT 1");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      }
      return new Check(Status.UP, "answered in "
          + (System.nanoTime() - start) / 1_000_000 + " ms");
    } catch (SQLException | RuntimeException e) {
      return new Check(Status.DOWN, "no connection answers: " + e.getMessage());
    }
  }
}
