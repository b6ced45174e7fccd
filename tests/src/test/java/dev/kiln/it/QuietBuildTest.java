package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kiln's processor says what it has to say through javac, and nothing else reaches the build's
 * output: compiled in a JVM of its own, with the processor found on the class path next to
 * {@code kiln-runtime} and so next to the SLF4J API, but with no SLF4J provider — as a build tool
 * runs it — an entity compiles without SLF4J's "No SLF4J providers" notice.
 */
class QuietBuildTest {

  @TempDir Path dir;

  @Test
  void compilingWithTheSlf4jApiButNoProviderPrintsNothingButJavacsOwn() throws Exception {
    String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator))
        .filter(entry -> !entry.contains("slf4j-simple"))
        .collect(Collectors.joining(File.pathSeparator));
    assertTrue(classPath.contains("slf4j-api"), "the SLF4J API is on the class path");
    Path source = dir.resolve("app/Post.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package app;\n"
        + "@dev.kiln.annotations.Table\n"
        + "public record Post(@dev.kiln.annotations.Id long id, String title) {}\n");

    Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac")
        .toString(), "--release", "17", "-cp", classPath, "-d", dir.resolve("out").toString(),
        "-Akiln.migrations=" + dir.resolve("db"), source.toString())
        .redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, javac.waitFor(), output);
    assertFalse(output.contains("SLF4J"), output);
    assertTrue(output.contains("[KILN-034] wrote migration V1__create_table_post.sql"), output);
  }
}
