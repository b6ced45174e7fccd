package dev.kiln.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.PoolStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pool watch reports a pool that stays busy — a warning above 80% for ten seconds, an error
 * above 95% — at most once a minute while it lasts, and not a moment of it.
 */
class PoolWatchTest {

  private int inUse;
  private long now;
  private final List<String> reports = new ArrayList<>();

  private final PoolWatch watch = new PoolWatch(
      () -> new PoolStats(inUse, 10 - inUse, 0, 10, 0, Duration.ZERO, Duration.ZERO,
          Duration.ZERO, Duration.ZERO),
      (error, message) -> reports.add((error ? "ERROR " : "WARN ") + message),
      () -> now, false);

  private void seconds(int n) {
    for (int i = 0; i < n; i++) {
      now += TimeUnit.SECONDS.toNanos(1);
      watch.look();
    }
  }

  @Test
  void aBusyMomentIsNotReportedASustainedOneIsOnceAMinute() {
    inUse = 9;
    seconds(9);
    inUse = 2;
    seconds(1);
    inUse = 9;
    seconds(9);
    assertEquals(List.of(), reports, "nine busy seconds, twice, are not ten");
    seconds(1);
    assertEquals(1, reports.size());
    assertTrue(reports.get(0).startsWith("WARN the connection pool has been 90% in use for 10 s"
        + " (9 of 10 connections"), reports.get(0));
    seconds(59);
    assertEquals(1, reports.size(), "not again within the minute");
    seconds(1);
    assertEquals(2, reports.size());
  }

  @Test
  void aPoolAboveNinetyFivePercentIsAnError() {
    inUse = 10;
    seconds(10);
    assertEquals(1, reports.size());
    assertTrue(reports.get(0).startsWith("ERROR the connection pool has been 100% in use"),
        reports.get(0));
  }
}
