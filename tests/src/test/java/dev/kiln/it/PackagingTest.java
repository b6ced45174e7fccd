package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a Java library owes its users, checked on the jars the build made (the test command,
 * {@code mvn verify}, packages every module before this one runs): each published jar names its
 * module, comes with sources and javadoc, and the processor declares itself to Gradle; the BOM
 * manages exactly the published artifacts; the root POM carries what Maven Central requires.
 */
class PackagingTest {

  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final List<String> PUBLISHED =
      List.of("annotations", "migrations", "runtime", "processor", "micrometer");

  @ParameterizedTest
  @ValueSource(strings = {"annotations", "migrations", "runtime", "processor", "micrometer"})
  void everyPublishedJarNamesItsModuleAndHasSourcesAndJavadoc(String module) throws IOException {
    Path jar = artifact(module, "");
    try (JarFile file = new JarFile(jar.toFile())) {
      assertEquals("dev.kiln." + module,
          file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), jar + "");
    }
    assertTrue(Files.isRegularFile(artifact(module, "-sources")));
    assertTrue(Files.isRegularFile(artifact(module, "-javadoc")));
  }

  /**
   * One package per jar: Java's own check of a module path ({@code java --validate-modules})
   * finds no package in two of Kiln's jars, so they load as automatic modules.
   */
  @Test
  void noPackageIsSplitAcrossJars() throws Exception {
    StringBuilder modulePath = new StringBuilder();
    for (String module : PUBLISHED) {
      modulePath.append(modulePath.length() == 0 ? "" : java.io.File.pathSeparator)
          .append(artifact(module, ""));
    }
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--module-path", modulePath.toString(), "--validate-modules")
        .redirectErrorStream(true).start();
    String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, java.waitFor(), output);
  }

  @Test
  void theProcessorTellsGradleItIsAggregating() throws IOException {
    try (JarFile jar = new JarFile(artifact("processor", "").toFile())) {
      assertEquals("dev.kiln.processor.KilnProcessor,aggregating",
          entry(jar, "META-INF/gradle/incremental.annotation.processors").strip());
      assertEquals("dev.kiln.processor.KilnProcessor",
          entry(jar, "META-INF/services/javax.annotation.processing.Processor").strip());
    }
  }

  @Test
  void theBomManagesExactlyThePublishedArtifactsAtKilnsVersion() throws IOException {
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    Matcher managed = Pattern.compile("<artifactId>(kiln-[a-z-]+)</artifactId>\\s*"
        + "<version>\\$\\{project.version}</version>").matcher(bom);
    List<String> artifacts = managed.results().map(m -> m.group(1)).toList();
    assertEquals(PUBLISHED.stream().map(m -> "kiln-" + m).toList(), artifacts);
  }

  @Test
  void theRootPomCarriesWhatMavenCentralRequires() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    for (String element : List.of("<name>", "<description>", "<url>", "<licenses>",
        "<developers>", "<scm")) {
      assertTrue(pom.contains(element), element);
    }
    assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License"));
  }

  @Test
  void thePublicApiIsNullMarked() {
    for (Class<?> type : List.of(dev.kiln.Database.class, dev.kiln.query.Column.class,
        dev.kiln.migrations.Migrator.class)) {
      assertTrue(type.getPackage().isAnnotationPresent(NullMarked.class), type.getPackageName());
    }
  }

  /** {@code <module>/target/kiln-<module>-<version><classifier>.jar}, as the build wrote it. */
  private static Path artifact(String module, String classifier) throws IOException {
    Pattern name = Pattern.compile(
        "kiln-" + module + "-[0-9]+(\\.[0-9]+)*(-SNAPSHOT)?" + classifier + "\\.jar");
    try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
      Path found = files.filter(f -> name.matcher(f.getFileName().toString()).matches())
          .findFirst().orElse(null);
      assertNotNull(found, "no " + name + " in " + module + "/target: run the test command,"
          + " mvn verify, which packages every module before the tests module runs");
      return found;
    }
  }

  private static String entry(JarFile jar, String name) throws IOException {
    try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
