package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.HIBERNATE;
import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.JDBC_NAIVE;
import static dev.kiln.bench.contenders.Contenders.JDBI;
import static dev.kiln.bench.contenders.Contenders.JOOQ;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;
import static dev.kiln.bench.contenders.Contenders.KILN_CACHED;
import static dev.kiln.bench.contenders.Contenders.KILN_NO_STATS;
import static dev.kiln.bench.contenders.Contenders.KILN_QUERY_CACHED;
import static dev.kiln.bench.contenders.Contenders.MYBATIS;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.data.DataSet;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;

/**
 * An author by primary key, a random one each time, from one thread and from two at once.
 * {@code kiln-cached} is Kiln with its entity cache holding every author, {@code kiln-querycache}
 * Kiln finding by key through a cached typed query (a hit once warmed: the hit's cost against the
 * entity cache's), {@code kiln-nostats} Kiln without per-statement statistics (their cost).
 */
public class FindById extends Trial {

  @Param({JDBC, JDBC_NAIVE, KILN, KILN_NO_STATS, KILN_CACHED, KILN_QUERY_CACHED, HIBERNATE, JOOQ,
      JDBI, MYBATIS, JDBC_PG, KILN_PG})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public Object oneThread() {
    return find();
  }

  @Benchmark
  @Threads(2)
  public Object twoThreads() {
    return find();
  }

  private Object find() {
    return findRandom(c);
  }

  /** A random author found by {@code c}, checked. */
  static Object findRandom(Contender<Object, Object> c) {
    long id = ThreadLocalRandom.current().nextLong(1, DataSet.AUTHORS + 1);
    return Check.author(c, c.findAuthor(id), id);
  }
}
