package dev.kiln.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Compare} as {@code benchmarks/run.sh} runs it, shortened: each contender in a JVM of its
 * own, taking turns, one CSV line each with every timed round; a control ({@code jdbc-again}) runs
 * {@code jdbc} once more under its own name.
 */
class CompareQuickTest {

  @Test
  void contendersTakeTurnsAndWriteEveryRound(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("cpu-check.csv");
    Map<String, String> shortRun = Map.of("runs", "2", "warmup", "1", "rounds", "3",
        "roundMillis", "20", "compare.csv", csv.toString());
    shortRun.forEach(System::setProperty);
    try {
      Compare.main(new String[] {"find", "jdbc", "kiln", "jdbc-again"});
    } finally {
      shortRun.keySet().forEach(System::clearProperty);
    }

    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size(), String.join("\n", lines));
    for (int i = 0; i < lines.size(); i++) {
      String[] fields = lines.get(i).split(",");
      assertEquals("find", fields[0]);
      assertEquals(List.of("jdbc", "kiln", "jdbc-again").get(i), fields[1]);
      double[] rounds = Arrays.stream(fields[5].split(" ")).mapToDouble(Double::parseDouble)
          .toArray();
      assertEquals(6, rounds.length, "three timed turns in each of two sets of JVMs");
      assertTrue(Arrays.stream(rounds).allMatch(r -> r > 0), lines.get(i));
    }
  }
}
