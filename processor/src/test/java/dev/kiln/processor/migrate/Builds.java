package dev.kiln.processor.migrate;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kiln.processor.KilnProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles entity sources with Kiln's processor, as successive builds of one application. */
final class Builds {

  private static final String IMPORTS = "package app;\n"
      + "import dev.kiln.annotations.*;\n"
      + "import org.jspecify.annotations.Nullable;\n";

  private Builds() {}

  /** A source file for {@code app.<name>} with the usual imports. */
  static JavaFileObject entity(String name, String declaration) {
    return JavaFileObjects.forSourceString("app." + name, IMPORTS + declaration);
  }

  /** Compiles {@code sources} with {@code -Akiln.migrations=folder} and the extra options. */
  static Compilation build(Path folder, List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>();
    if (folder != null) {
      all.add("-Akiln.migrations=" + folder);
    }
    all.addAll(options);
    return Compiler.javac().withProcessors(new KilnProcessor()).withOptions(all)
        .compile(sources);
  }

  /** A build that must succeed. */
  static Compilation ok(Path folder, JavaFileObject... sources) {
    Compilation compilation = build(folder, List.of(), sources);
    assertThat(compilation).succeeded();
    return compilation;
  }

  /** The names of the files in {@code folder}, sorted. */
  static List<String> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
