package dev.kiln.processor;


import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.kiln.mapping.SchemaProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import static com.google.common.truth.Truth.assertWithMessage;

/**
 * Compiles test sources the way a user's build runs Kiln, and reads what it generated. Shared by
 * the compilation tests so that each of them shows only its sources and its expectations.
 */
final class TestCompiler {

  private TestCompiler() {}

  /**
   * Compiles {@code sources} with Kiln and every lint warning on (but the one about unclaimed
   * annotations), so that {@code succeededWithoutWarnings()} also says the generated code is
   * lint-clean. Migrations go to a fresh folder, as a configured build's would.
   */
  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  /** Like {@link #compile(JavaFileObject...)}, with other processors running before Kiln. */
  static Compilation compile(List<Processor> others, JavaFileObject... sources) {
    return compile(others, List.of(), sources);
  }

  /**
   * Like {@link #compile(JavaFileObject...)}, with processor options such as
   * {@code -Akiln.planCheck=error}.
   */
  static Compilation compileWithOptions(List<String> options, JavaFileObject... sources) {
    return compile(List.of(), options, sources);
  }

  private static Compilation compile(List<Processor> others, List<String> options,
      JavaFileObject... sources) {
    List<Processor> processors = new ArrayList<>(others);
    processors.add(new KilnProcessor());
    // The processor writes migration files; each compilation gets a folder of its own, removed
    // once it is done (nothing reads the files afterwards: a test sees them through the
    // compilation's generated sources).
    Path migrations = createMigrationsFolder();
    try {
      List<String> allOptions = new ArrayList<>(
          List.of("-Xlint:all,-processing", "-Akiln.migrations=" + migrations));
      allOptions.addAll(options);
      return Compiler.javac()
          .withOptions(allOptions)
          .withProcessors(processors)
          .compile(sources);
    } finally {
      deleteTree(migrations);
    }
  }

  private static Path createMigrationsFolder() {
    try {
      return Files.createTempDirectory("kiln-migrations");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The source file {@code test/<simpleName>.java}: {@code lines} after
   * {@code package test;} and {@code import dev.kiln.annotations.*;}.
   */
  static JavaFileObject source(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(List.of("package test;", "",
        "import dev.kiln.annotations.*;", ""));
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("test." + simpleName, all);
  }

  /** The text of the generated source file of {@code qualifiedName}. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    return text(compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName)));
  }

  /** The text of every generated source file. */
  static List<String> generatedSources(Compilation compilation) {
    return compilation.generatedSourceFiles().stream().map(TestCompiler::text).toList();
  }

  /**
   * The statements of the generated schema provider {@code qualifiedName}, as the runtime gets
   * them: the provider is loaded from the compiled classes and asked.
   */
  static List<String> createStatements(Compilation compilation, String qualifiedName) {
    try {
      Class<?> provider = generatedClasses(compilation).loadClass(qualifiedName);
      return ((SchemaProvider) provider.getConstructor().newInstance()).createStatements();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot load " + qualifiedName, e);
    }
  }

  /** The value of the generated {@code static final String} constant {@code field} (SQL). */
  static String constant(Compilation compilation, String qualifiedName, String field) {
    try {
      Field constant =
          generatedClasses(compilation).loadClass(qualifiedName).getDeclaredField(field);
      constant.setAccessible(true);
      return (String) constant.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read " + qualifiedName + "." + field, e);
    }
  }

  /** The statements of {@code test.KilnSchema} in one string, for {@code contains} checks. */
  static String schema(Compilation compilation) {
    return String.join("\n", createStatements(compilation, "test.KilnSchema"));
  }

  private static ClassLoader generatedClasses(Compilation compilation) {
    assertWithMessage("compilation succeeded").that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    return new GeneratedClasses(compilation);
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the classes a compilation wrote, over the test class path (runtime, annotations). */
  private static final class GeneratedClasses extends ClassLoader {
    private static final String CLASS_OUTPUT = "/CLASS_OUTPUT/";
    private final Map<String, JavaFileObject> classes = new HashMap<>();

    GeneratedClasses(Compilation compilation) {
      super(TestCompiler.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        String path = file.toUri().getPath();
        if (file.getKind() == JavaFileObject.Kind.CLASS && path.contains(CLASS_OUTPUT)) {
          String name = path.substring(path.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length(),
              path.length() - ".class".length());
          classes.put(name.replace('/', '.'), file);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = classes.get(name);
      if (file == null) {
        throw new ClassNotFoundException(name);
      }
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }
}
