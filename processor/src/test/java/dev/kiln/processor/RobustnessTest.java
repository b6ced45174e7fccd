package dev.kiln.processor;


import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.createStatements;
import static dev.kiln.processor.TestCompiler.schema;
import static dev.kiln.processor.TestCompiler.source;

/**
 * Specifies that Kiln copes with odd input and with other processors: a type that does not exist
 * gets javac's own error and Kiln's explanation, never a crash, and no error on the correct
 * entities compiled with it; a type or entity another processor generates in a later round is
 * waited for and processed. The same holds for the types a {@code @Dao} mentions.
 */
class RobustnessTest {

  private static final JavaFileObject POST = source("Post",
      "@Table",
      "@Index(columns = \"title\")",
      "public record Post(@Id long id, String title) {}");

  @Test
  void propertyOfATypeThatDoesNotExist() {
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    Misspelled author) {}");

    Compilation compilation = compile(post);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(post)
        .onLineContaining("Misspelled author");
    assertThat(compilation)
        .hadErrorContaining("[KILN-021] Post uses Misspelled, which does not exist, so Kiln"
            + " generated nothing for it: correct the name or the import")
        .inFile(post)
        .onLineContaining("public record Post");
    assertNoCrash(compilation);
  }

  @Test
  void converterThatDoesNotExist() {
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @Convert(MissingConverter.class) String title) {}");

    Compilation compilation = compile(post);

    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(post)
        .onLineContaining("MissingConverter.class");
    assertThat(compilation).hadErrorContaining("[KILN-021] Post uses the class named in @Convert");
    assertNoCrash(compilation);
  }

  @Test
  void foreignKeyToATypeThatDoesNotExist() {
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(",
        "    @Id long id,",
        "    @ForeignKey(MissingEntity.class) long authorId) {}");

    Compilation compilation = compile(post);

    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(post)
        .onLineContaining("MissingEntity.class");
    assertNoCrash(compilation);
  }

  @Test
  void superclassThatDoesNotExist() {
    JavaFileObject post = source("Post",
        "@Table",
        "public class Post extends MissingBase {",
        "  @Id long id;",
        "}");

    Compilation compilation = compile(post);

    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(post)
        .onLineContaining("MissingBase");
    assertNoCrash(compilation);
  }

  @Test
  void correctEntityCompiledWithABrokenOneGetsNoError() {
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(@Id long id, Misspelled author) {}");
    JavaFileObject tag = source("Tag",
        "@Table",
        "public record Tag(@Id String name) {}");

    Compilation compilation = compile(post, tag);

    assertThat(compilation).failed();
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getSource()).isSameInstanceAs(post);
    }
    assertNoCrash(compilation);
  }

  @Test
  void propertyTypeGeneratedInALaterRoundIsWaitedFor() {
    Generator status = new Generator("test.Status",
        "package test;",
        "public enum Status { OPEN, CLOSED }");
    JavaFileObject ticket = source("Ticket",
        "@Table",
        "public record Ticket(@Id long id, Status status) {}");

    Compilation compilation = compile(List.of(status), ticket);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.TicketRepository");
    assertThat(schema(compilation)).contains("\"status\" TEXT NOT NULL");
  }

  @Test
  void converterGeneratedInALaterRoundIsWaitedFor() {
    Generator converter = new Generator("test.UpperCase",
        "package test;",
        "public final class UpperCase implements dev.kiln.annotations.Converter<String, String> {",
        "  @Override public String toSql(String value) { return value.toUpperCase(); }",
        "  @Override public String fromSql(String value) { return value; }",
        "}");
    JavaFileObject country = source("Country",
        "@Table",
        "public record Country(@Id @Convert(UpperCase.class) String code) {}");

    Compilation compilation = compile(List.of(converter), country);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.CountryRepository");
  }

  @Test
  void entityGeneratedInALaterRoundGetsItsOwnSchemaProvider() {
    Generator entity = new Generator("test.Tag",
        "package test;",
        "@dev.kiln.annotations.Table",
        "public record Tag(@dev.kiln.annotations.Id String name) {}");
    JavaFileObject post = source("Post",
        "@Table",
        "public record Post(@Id long id) {}");

    Compilation compilation = compile(List.of(entity), post);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.TagRepository");
    assertThat(createStatements(compilation, "test.KilnSchema").get(0))
        .startsWith("CREATE TABLE \"post\"");
    assertThat(createStatements(compilation, "test.KilnSchema2").get(0))
        .startsWith("CREATE TABLE \"tag\"");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT,
            "META-INF/services/dev.kiln.mapping.SchemaProvider")
        .contentsAsUtf8String().isEqualTo("test.KilnSchema\ntest.KilnSchema2\n");
  }

  @Test
  void daoMentioningATypeThatDoesNotExist() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Misspelled> findByName(String name);",
        "}");

    Compilation compilation = compile(POST, queries);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(queries)
        .onLineContaining("List<Misspelled>");
    assertThat(compilation)
        .hadErrorContaining("[KILN-021] Queries uses Misspelled, which does not exist, so Kiln"
            + " generated nothing for it")
        .inFile(queries)
        .onLineContaining("public interface Queries");
    assertThat(compilation).hadErrorCount(2);
    assertNoCrash(compilation);
  }

  @Test
  void daoReturningATypeWhoseImportIsMissing() {
    JavaFileObject queries = source("Queries",
        "@Dao",
        "public interface Queries {",
        "  Optional<Post> findByTitle(String title);",
        "}");

    Compilation compilation = compile(POST, queries);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(queries)
        .onLineContaining("Optional<Post>");
    assertThat(compilation)
        .hadErrorContaining("[KILN-021] Queries uses a type in the signature of findByTitle,"
            + " which does not exist")
        .inFile(queries)
        .onLineContaining("public interface Queries");
    assertNoCrash(compilation);
  }

  @Test
  void daoNamingAClassThatDoesNotExist() {
    JavaFileObject queries = source("Queries",
        "@Dao(Misspelled.class)",
        "public interface Queries {",
        "  long countByTitle(String title);",
        "}");

    Compilation compilation = compile(POST, queries);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[KILN-021] Queries uses the class named in @Dao, which does not"
            + " exist")
        .inFile(queries)
        .onLineContaining("public interface Queries");
    assertNoCrash(compilation);
  }

  @Test
  void daoProjectionGeneratedInALaterRoundIsWaitedFor() {
    Generator projection = new Generator("test.TitleOnly",
        "package test;",
        "public record TitleOnly(String title) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT title FROM post ORDER BY id\")",
        "  List<TitleOnly> titles();",
        "}");

    Compilation compilation = compile(List.of(projection), POST, queries);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Queries_Impl");
  }

  private static void assertNoCrash(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      assertThat(message).doesNotContain("KILN-010");
      assertThat(message).doesNotContain("Exception");
    }
  }

  /** Another annotation processor: writes one source file in the first round. */
  private static final class Generator extends AbstractProcessor {
    private final String name;
    private final String source;
    private boolean written;

    Generator(String name, String... lines) {
      this.name = name;
      this.source = String.join("\n", lines);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          out.write(source);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
