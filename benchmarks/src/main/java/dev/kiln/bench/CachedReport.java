package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_QUERY_CACHED;

import dev.kiln.bench.model.AuthorTotals;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The report of {@link Report}, asked for again and again: one of 16 fixed ranges of 100 authors,
 * as a dashboard would. Hand-written JDBC and plain Kiln run it each time; {@code kiln-querycache}
 * answers from the query cache after the first time of each range — what a hit costs against
 * running the query.
 */
public class CachedReport extends Trial {

  static final int RANGES = 16;

  @Param({JDBC, KILN, KILN_QUERY_CACHED})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public List<AuthorTotals> report() {
    long first = 1 + ThreadLocalRandom.current().nextInt(RANGES) * (long) Report.AUTHORS;
    List<AuthorTotals> rows = c.bookTotals(first, first + Report.AUTHORS - 1);
    Report.check(rows, first);
    return rows;
  }
}
