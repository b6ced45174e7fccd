package dev.kiln;

import java.util.Comparator;
import java.util.List;

/**
 * A snapshot of what a {@link Database} has done since it was opened. Take one before and one
 * after a piece of work to see what the work cost:
 *
 * <pre>{@code
 * long before = db.stats().statementsExecuted();
 * authors.fetch(Author_.BOOKS).findAll();
 * long used = db.stats().statementsExecuted() - before;   // 2, whatever the number of authors
 * }</pre>
 *
 * @param statementsExecuted SQL statements run for repositories, queries and DAOs (a JDBC batch
 *     counts once; transaction control and migrations are not counted)
 * @param cacheHits entity-cache lookups that found the entity
 * @param cacheMisses entity-cache lookups that went to the database
 * @param slowQueries statements that took at least the slow-query threshold
 * @param statementsPrepared statements compiled by SQLite (a prepared-statement cache miss)
 * @param statementCacheHits statements reused from the prepared-statement cache
 * @param commits transactions committed by {@code transaction(…)} and multi-row writes
 * @param rollbacks transactions and savepoints rolled back
 * @param queryCacheHits query-cache lookups that found a live result
 * @param queryCacheMisses query-cache lookups that went to the database
 * @param statements each statement's figures, by name
 */
public record Stats(
    long statementsExecuted,
    long cacheHits,
    long cacheMisses,
    long slowQueries,
    long statementsPrepared,
    long statementCacheHits,
    long commits,
    long rollbacks,
    long queryCacheHits,
    long queryCacheMisses,
    List<StatementStats> statements) {

  public Stats {
    statements = List.copyOf(statements);
  }

  /** The {@code n} statements with the highest 95th percentile, highest first. */
  public List<StatementStats> slowest(int n) {
    return statements.stream()
        .sorted(Comparator.comparing(StatementStats::p95).reversed()).limit(n).toList();
  }
}
