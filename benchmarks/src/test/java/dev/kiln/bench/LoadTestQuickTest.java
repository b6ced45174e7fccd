package dev.kiln.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.bench.load.LoadTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The load test's quick mode, run by {@code mvn verify}: each contender, one client and many,
 * a second each, every operation of the mix called and none failing.
 */
class LoadTestQuickTest {

  @ParameterizedTest
  @CsvSource({"jdbc, 1", "kiln, 1", "jdbc, 16", "kiln, 16", "kiln-pg, 8"})
  void everyOperationRunsWithoutAnError(String contender, int clients) throws Exception {
    LoadTest.Result result = LoadTest.run(contender, clients, Duration.ZERO,
        Duration.ofSeconds(1));
    assertEquals(0, result.errors(), result.firstError());
    List<String> missing = new ArrayList<>();
    result.latencies().forEach((op, h) -> {
      if (h.getTotalCount() == 0) {
        missing.add(op.toString());
      }
    });
    assertEquals(List.of(), missing, "operations never called");
    assertTrue(LoadTest.table(List.of(result)).contains("| " + contender + " | " + clients));
  }
}
