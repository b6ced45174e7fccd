package dev.kiln;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A statement that took at least the slow-query threshold, from {@link Database#slowQueryLog()}:
 * what ran, how long it took and when, how the engine runs it, and what would make it faster.
 *
 * @param name what the statement is, as in {@link StatementStats#name()}
 * @param sql its SQL
 * @param duration how long this execution took
 * @param at when it finished
 * @param critical whether it took at least the critical threshold, not only the slow one
 * @param plan the engine's plan of the statement, one line per step — SQLite's
 *     {@code EXPLAIN QUERY PLAN}, PostgreSQL's generic {@code EXPLAIN} — read once per statement
 * @param advice what would serve the statement better, such as the {@code @Index} to add, read
 *     from the plan and the schema; empty when the plan shows nothing to improve
 */
public record SlowQuery(
    String name,
    String sql,
    Duration duration,
    Instant at,
    boolean critical,
    List<String> plan,
    List<String> advice) {

  public SlowQuery {
    plan = List.copyOf(plan);
    advice = List.copyOf(advice);
  }
}
