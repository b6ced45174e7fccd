package dev.kiln.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The published numbers come from the shaded jar, not from Maven's classpath: one short
 * benchmark, for every contender, runs from it as {@code benchmarks/run.sh} runs it, and must
 * finish without a failure. (A dependency declared {@code provided} once left the jar without
 * JAXB, and every Hibernate benchmark failed there while the quick-mode tests passed.)
 */
class BenchmarkJarIT {

  @Test
  void everyContenderRunsFromTheJar() throws Exception {
    Path jar = Path.of(System.getProperty("benchmarks.jar", "target/kiln-benchmarks.jar"));
    assertTrue(Files.isRegularFile(jar), jar + " was not built");
    Path log = Files.createTempFile("kiln-benchmark-jar", ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process run = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(),
        "FindById.oneThread|InsertBooks.insert", "-foe", "true", "-f", "1", "-wi", "0",
        "-i", "1", "-r", "200ms"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(run.waitFor(10, TimeUnit.MINUTES), "the benchmarks did not finish");
    String output = Files.readString(log);
    assertFalse(output.contains("<failure>"), output);
    assertEquals(0, run.exitValue(), output);
    String[] contenders = FindById.class.getField("contender")
        .getAnnotation(org.openjdk.jmh.annotations.Param.class).value();
    for (String contender : contenders) {
      assertTrue(output.contains("(contender = " + contender + ")"), contender + " did not run");
    }
    Files.delete(log);
  }
}
