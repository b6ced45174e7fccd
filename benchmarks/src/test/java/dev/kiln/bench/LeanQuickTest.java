package dev.kiln.bench;

import dev.kiln.bench.lean.LeanBench;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lean benchmarks' quick mode: every method once per contender, its result checked. */
class LeanQuickTest {

  @ParameterizedTest
  @ValueSource(strings = {"jdbc", "kiln", "jdbc-pg", "kiln-pg"})
  void everyLeanBenchmarkOnce(String contender) throws Exception {
    LeanBench bench = new LeanBench();
    bench.contender = contender;
    bench.open();
    try {
      bench.findOneThread();
      bench.findTwoThreads();
      bench.findEightThreads();
      bench.findSixtyFourThreads();
      bench.eager();
      bench.eagerThreeLevels();
      bench.manyToMany();
    } finally {
      bench.close();
    }
  }
}
