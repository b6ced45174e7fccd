package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README compiles as shown. The snippets live, word for word, in
 * {@code src/test/readme/}, one folder for each set of entities they assume; this test compiles
 * each folder as an application would (Kiln's processor on the path, every lint warning on) and
 * requires no error and no warning, then checks that each paragraph of each README snippet (the
 * lines between blank lines) stands in one of those sources, indentation aside. A snippet edited
 * in the README without its source, or the other way round, fails here.
 */
class ReadmeSnippetsTest {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Path README = Path.of("").toAbsolutePath().getParent().resolve("README.md");
  private static final Path SNIPPETS = Path.of("src/test/readme");

  @TempDir Path out;

  @Test
  void everySnippetFolderCompilesWithoutAWarning() throws IOException {
    List<Path> folders;
    try (Stream<Path> list = Files.list(SNIPPETS)) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(folders.isEmpty());
    for (Path folder : folders) {
      List<String> problems = compile(folder, out.resolve(folder.getFileName().toString()));
      assertEquals(List.of(), problems, "compiling " + folder);
    }
  }

  @Test
  void everyJavaSnippetOfTheReadmeStandsInACompiledSource() throws IOException {
    List<List<String>> sources = new ArrayList<>();
    for (Path file : javaFiles(SNIPPETS)) {
      sources.add(normalised(Files.readString(file)));
    }
    Matcher block = JAVA_BLOCK.matcher(Files.readString(README));
    int paragraphs = 0;
    while (block.find()) {
      for (String paragraph : block.group(1).split("\\n\\s*\\n")) {
        List<String> lines = normalised(paragraph);
        paragraphs++;
        assertTrue(sources.stream()
                .anyMatch(source -> Collections.indexOfSubList(source, lines) >= 0),
            "this README snippet is in no source of " + SNIPPETS + ", so nothing compiles it:\n"
                + paragraph);
      }
    }
    assertTrue(paragraphs > 0, "the README has Java snippets");
  }

  /** Compiles the sources of {@code folder}; the errors and warnings javac reported. */
  private static List<String> compile(Path folder, Path output) throws IOException {
    Files.createDirectories(output.resolve("classes"));
    Files.createDirectories(output.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      String classPath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      List<String> options = List.of("--release", "17", "-Xlint:all,-processing",
          "-classpath", classPath, "-d", output.resolve("classes").toString(),
          "-s", output.resolve("generated").toString(),
          "-Akiln.migrations=" + output.resolve("db/kiln"));
      boolean compiled = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(javaFiles(folder))).call();
      List<String> problems = new ArrayList<>();
      diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR
              || d.getKind() == javax.tools.Diagnostic.Kind.WARNING
              || d.getKind() == javax.tools.Diagnostic.Kind.MANDATORY_WARNING)
          // javac's own remark when a folder has no Kiln annotation, so the processor never ran
          .filter(d -> !d.getMessage(Locale.ROOT).contains("not recognized by any processor"))
          .forEach(d -> problems.add(d.getKind() + " " + (d.getSource() == null ? ""
              : d.getSource().getName() + ":" + d.getLineNumber() + " ")
              + d.getMessage(Locale.ROOT)));
      if (!compiled && problems.isEmpty()) {
        problems.add("javac failed without a message");
      }
      return problems;
    }
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The non-blank lines of {@code text}, without their indentation and trailing blanks. */
  private static List<String> normalised(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
