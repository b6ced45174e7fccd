package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.HIBERNATE;
import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_NAIVE;
import static dev.kiln.bench.contenders.Contenders.KILN;

import dev.kiln.bench.data.DataSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The same 100 authors with their books, loaded one author at a time: 1 + 100 statements, what
 * a loop over a finder costs ({@code kiln}: a {@code @Dao} finder; {@code jdbc}: a reused
 * statement; {@code jdbc-naive}: a statement prepared per call) and what lazy loading costs
 * ({@code hibernate}: each author's lazy collection fetched in turn).
 */
public class AuthorsWithBooksNPlusOne extends Trial {

  @Param({JDBC, JDBC_NAIVE, KILN, HIBERNATE})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public List<Object> nPlusOne() {
    long first = ThreadLocalRandom.current()
        .nextLong(1, DataSet.AUTHORS - AuthorsWithBooks.AUTHORS + 2);
    long last = first + AuthorsWithBooks.AUTHORS - 1;
    return Check.graph(c, c.authorsWithBooksOneByOne(first, last), first, last);
  }
}
