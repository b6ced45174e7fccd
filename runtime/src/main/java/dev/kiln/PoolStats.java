package dev.kiln;

import java.time.Duration;

/**
 * A snapshot of a {@link Database}'s connections, from {@code db.pool()}. On SQLite the one writer
 * connection and the read pool count together; on PostgreSQL the primary's pool and the read
 * replicas' pools do.
 *
 * @param inUse connections lent out now
 * @param idle connections open and free
 * @param waiting threads waiting for a connection (for the writer, on SQLite)
 * @param maximum the most connections there can be
 * @param acquisitions connections lent since the database opened
 * @param acquireMean the mean time a thread waited to get a connection
 * @param acquireMax the longest such wait
 * @param writerWaitMean on SQLite, the mean time a write waited for the writer connection;
 *     zero on PostgreSQL, where writers do not wait for each other
 * @param writerWaitMax the longest such wait
 */
public record PoolStats(
    int inUse,
    int idle,
    int waiting,
    int maximum,
    long acquisitions,
    Duration acquireMean,
    Duration acquireMax,
    Duration writerWaitMean,
    Duration writerWaitMax) {

  /** How much of the pool is in use, from 0 to 1. */
  public double utilisation() {
    return maximum == 0 ? 0 : Math.min(1.0, (double) inUse / maximum);
  }
}
