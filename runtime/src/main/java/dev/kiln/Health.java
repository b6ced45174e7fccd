package dev.kiln;

import java.util.Map;

/**
 * How a {@link Database} is, from {@code db.health()}, for liveness and readiness probes: an
 * overall {@link Status} and the named checks it comes from — {@code connection} (a connection
 * answers), {@code pool} (not exhausted), and on SQLite {@code writer} (not held past the write
 * timeout), {@code wal} (the write-ahead log has not grown past 64 MiB, which a steady stream of
 * readers can cause by starving checkpoints) and {@code disk} (free space for the database's
 * directory), on PostgreSQL {@code replicas} (those answering) when there are some.
 *
 * @param status {@code DOWN} when no connection answers, {@code DEGRADED} when any check is
 *     degraded, {@code UP} otherwise
 * @param checks each check by name, in the order above
 */
public record Health(Status status, Map<String, Check> checks) {

  /** Whether the database can serve, and how well. */
  public enum Status { UP, DEGRADED, DOWN }

  /**
   * One check.
   *
   * @param status its outcome
   * @param detail what was seen, in words: {@code "3 of 11 connections in use"}
   */
  public record Check(Status status, String detail) {}

  public Health {
    checks = Map.copyOf(checks);
  }
}
