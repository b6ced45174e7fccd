package dev.kiln;

import java.time.Duration;

/**
 * What one statement has done since the database opened, from {@code db.stats().statements()}:
 * named after what you wrote — {@code AuthorRepository.findById}, {@code Shop.bestsellers} — or,
 * for a statement the build did not see (a typed query, a fetch plan), after its table:
 * {@code author query}. The total and the mean are exact; the percentiles and the longest come
 * from a histogram of every execution (HdrHistogram, to two significant digits: within 1% of what
 * was measured).
 *
 * @param name what the statement is
 * @param sql its SQL
 * @param count executions that completed
 * @param errors executions that failed
 * @param rows rows read by queries that return lists, rows taken from streams, and rows changed
 *     by writes
 * @param total the time of all completed executions
 * @param mean their mean time
 * @param p50 the median time
 * @param p95 the 95th percentile
 * @param p99 the 99th percentile
 * @param max the longest
 * @param cacheHits query-cache lookups of it that found a live result (no execution counted)
 * @param cacheMisses query-cache lookups of it that went to the database
 */
public record StatementStats(
    String name,
    String sql,
    long count,
    long errors,
    long rows,
    Duration total,
    Duration mean,
    Duration p50,
    Duration p95,
    Duration p99,
    Duration max,
    long cacheHits,
    long cacheMisses) {}
