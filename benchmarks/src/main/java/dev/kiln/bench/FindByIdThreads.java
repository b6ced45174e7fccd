package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Threads;

/**
 * {@link FindById} from 8 and 64 threads at once, as many as a service's request threads: more
 * threads than connections (both pools have one per core), so this measures waiting for a
 * connection as well. Kiln and hand-written JDBC on each engine; with {@code FindById}'s 1 and 2
 * threads, the scaling curve.
 */
public class FindByIdThreads extends Trial {

  @Param({JDBC, KILN, JDBC_PG, KILN_PG})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  @Threads(8)
  public Object eightThreads() {
    return FindById.findRandom(c);
  }

  @Benchmark
  @Threads(64)
  public Object sixtyFourThreads() {
    return FindById.findRandom(c);
  }
}
