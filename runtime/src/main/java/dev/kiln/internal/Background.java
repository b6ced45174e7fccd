package dev.kiln.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database's background jobs (maintenance, backups) on one daemon thread, started with the
 * first job and stopped by {@link #close()}, which waits for a job that is running.
 */
public final class Background implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.background");

  private ScheduledExecutorService executor;

  /** Runs {@code job} every {@code period}, the first time after one period. */
  public synchronized void every(Duration period, String what, Runnable job) {
    if (executor == null) {
      executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kiln-background");
        thread.setDaemon(true);
        return thread;
      });
    }
    long millis = Math.max(1, period.toMillis());
    executor.scheduleWithFixedDelay(() -> {
      try {
        job.run();
      } catch (dev.kiln.KilnException e) {
        LOG.error("{} failed: {}", what, e.getMessage()); // says what to do; no stack needed
      } catch (RuntimeException e) {
        LOG.error("{} failed: {}", what, e.getMessage(), e);
      }
    }, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the jobs, waiting up to {@code wait} for one that is running. */
  public synchronized void close(Duration wait) {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
