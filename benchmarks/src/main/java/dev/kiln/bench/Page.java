package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.HIBERNATE;
import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.JDBC_NAIVE;
import static dev.kiln.bench.contenders.Contenders.JDBI;
import static dev.kiln.bench.contenders.Contenders.JOOQ;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;
import static dev.kiln.bench.contenders.Contenders.MYBATIS;

import dev.kiln.bench.data.DataSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** A page of 100 authors in key order, after a random key ({@code WHERE id > ? … LIMIT 100}). */
public class Page extends Trial {

  static final int SIZE = 100;

  @Param({JDBC, JDBC_NAIVE, KILN, HIBERNATE, JOOQ, JDBI, MYBATIS, JDBC_PG, KILN_PG})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public List<Object> page() {
    long after = ThreadLocalRandom.current().nextLong(0, DataSet.AUTHORS - SIZE + 1);
    return Check.page(c, c.authorsAfter(after, SIZE), after, SIZE);
  }
}
