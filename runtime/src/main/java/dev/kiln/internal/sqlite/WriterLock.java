package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import dev.kiln.internal.Waits;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process lock on the one writer connection, with a bounded wait: a thread that cannot
 * have the writer within the write timeout gets a {@code KilnException} that names the thread
 * holding it and for how long, instead of waiting forever behind a transaction that never ends.
 */
final class WriterLock {

  private final ReentrantLock lock = new ReentrantLock();
  private final Duration timeout;
  private final long timeoutNanos;
  private volatile Thread holder;
  /** How long threads waited for the writer. */
  final Waits waits = new Waits();
  private volatile long sinceNanos;

  WriterLock(Duration timeout) {
    this.timeout = timeout;
    this.timeoutNanos = timeout.toNanos();
  }

  /** Takes the lock, waiting at most the write timeout for another thread to release it. */
  void lock() {
    boolean taken;
    long start = System.nanoTime();
    try {
      taken = lock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS);
      waits.record(System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KilnException("interrupted while waiting for Kiln's writer connection", e);
    }
    if (!taken) {
      Thread owner = holder;
      long heldNanos = System.nanoTime() - sinceNanos;
      throw new KilnException("cannot write: waited " + timeout.toMillis() + " ms for Kiln's"
          + " writer connection, which " + (owner == null ? "another thread"
              : "thread '" + owner.getName() + "'") + " has held"
          + (owner == null ? "" : " for " + TimeUnit.NANOSECONDS.toMillis(heldNanos) + " ms")
          + ". Every write of this process goes through one connection, so a long transaction"
          + " holds up all the others: keep work that waits (on the network, on a user) out of"
          + " db.transaction(...), or raise DatabaseBuilder.writeTimeout(...)");
    }
    if (lock.getHoldCount() == 1) {
      sinceNanos = System.nanoTime();
      holder = Thread.currentThread();
    }
  }

  /**
   * Takes the lock only if it is free and no thread waits for it, without waiting: for a read
   * that may run on the writer while it is idle; writers never wait behind one they queued for.
   */
  boolean tryLockIdle() {
    if (lock.isLocked() || lock.hasQueuedThreads() || !lock.tryLock()) {
      return false;
    }
    if (lock.getHoldCount() == 1) {
      sinceNanos = System.nanoTime();
      holder = Thread.currentThread();
    }
    return true;
  }

  /**
   * Takes the lock for closing, waiting at most {@code wait} for running work to finish;
   * whether it was taken (if not, closing goes on, and the writer's transaction rolls back).
   */
  boolean lockForClose(java.time.Duration wait) {
    try {
      return lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void unlock() {
    if (lock.getHoldCount() == 1) {
      holder = null;
    }
    lock.unlock();
  }

  /** The thread holding the writer, or null. */
  Thread holder() {
    return holder;
  }

  /** How long the holder has held the writer, in nanoseconds; 0 when no thread holds it. */
  long heldNanos() {
    return holder == null ? 0 : System.nanoTime() - sinceNanos;
  }

  /** Whether a thread holds the writer now. */
  boolean isHeld() {
    return lock.isLocked();
  }

  /** How many threads are waiting for the writer now (an estimate, as the lock's). */
  int waiting() {
    return lock.getQueueLength();
  }

  boolean isHeldByCurrentThread() {
    return lock.isHeldByCurrentThread();
  }
}
