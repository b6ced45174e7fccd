package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.HIBERNATE;
import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.JDBC_JOIN;
import static dev.kiln.bench.contenders.Contenders.JDBC_NAIVE;
import static dev.kiln.bench.contenders.Contenders.JDBC_RANGE;
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

/**
 * 100 authors (a random range of keys) each with its 10 books, loaded eagerly: {@code jdbc} with
 * two statements (the second keyed by the authors' keys), {@code jdbc-join} with one join,
 * {@code jdbc-range} with two statements the second of which repeats the range on the foreign
 * key, the others as their documentation recommends (see each contender).
 */
public class AuthorsWithBooks extends Trial {

  static final int AUTHORS = 100;

  @Param({JDBC, JDBC_JOIN, JDBC_RANGE, JDBC_NAIVE, KILN, HIBERNATE, JOOQ, JDBI, MYBATIS,
      JDBC_PG, KILN_PG})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public List<Object> eager() {
    long first = ThreadLocalRandom.current().nextLong(1, DataSet.AUTHORS - AUTHORS + 2);
    long last = first + AUTHORS - 1;
    return Check.graph(c, c.authorsWithBooks(first, last), first, last);
  }
}
