package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the errors about indexes and foreign keys, which Kiln checks against the entities'
 * properties at compile time: unknown or missing index properties, clashing index names, and
 * foreign keys that do not reference a matching entity key. Each error is reported once, on the
 * annotation at fault, with its code and how to fix it.
 */
class IndexAndForeignKeyValidationTest {

  private static final JavaFileObject AUTHOR = source("Author",
      "@Table",
      "public record Author(@Id long id) {}");

  @Test
  void indexOverAMisspelledProperty() {
    JavaFileObject person = source("Person",
        "@Table",
        "@Index(columns = \"nmae\")",
        "public record Person(@Id long id, String name) {}");

    Compilation compilation = compile(person);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-003] @Index names 'nmae', which is not a persisted property of"
            + " Person; did you mean 'name'?")
        .inFile(person)
        .onLineContaining("@Index(columns = \"nmae\")");
  }

  @Test
  void misspelledPropertyInOneOfSeveralIndexes() {
    JavaFileObject person = source("Person",
        "@Table",
        "@Index(columns = \"name\")",
        "@Index(columns = {\"name\", \"emial\"}, unique = true)",
        "@Index(columns = \"email\")",
        "public record Person(@Id long id, String name, String email) {}");

    Compilation compilation = compile(person);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-003] @Index names 'emial'")
        .inFile(person)
        .onLineContaining("\"emial\"");
  }

  @Test
  void indexOverAColumnNameInsteadOfAProperty() {
    JavaFileObject person = source("Person",
        "@Table",
        "@Index(columns = \"created_at\")",
        "public record Person(@Id long id, java.time.Instant createdAt) {}");

    assertThat(compile(person))
        .hadErrorContaining("[KILN-003] @Index names 'created_at', which is not a persisted"
            + " property of Person; did you mean 'createdAt'?; @Index.columns takes Java property"
            + " names, not column names")
        .inFile(person)
        .onLineContaining("@Index(columns = \"created_at\")");
  }

  @Test
  void indexWithoutColumns() {
    JavaFileObject person = source("Person",
        "@Table",
        "@Index(columns = {})",
        "public record Person(@Id long id, String name) {}");

    Compilation compilation = compile(person);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-019] @Index on Person names no columns: list at least one"
            + " property in columns = {...}")
        .inFile(person)
        .onLineContaining("@Index(columns = {})");
  }

  @Test
  void twoIndexesWithTheSameName() {
    JavaFileObject person = source("Person",
        "@Table",
        "@Index(name = \"by_name\", columns = \"firstName\")",
        "@Index(name = \"by_name\", columns = \"lastName\")",
        "public record Person(@Id long id, String firstName, String lastName) {}");

    Compilation compilation = compile(person);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-015] index name 'by_name' is used twice: give one of the"
            + " indexes another @Index(name = ...)")
        .inFile(person)
        .onLineContaining("columns = \"lastName\"");
  }

  @Test
  void indexesOfTwoEntitiesWithTheSameName() {
    JavaFileObject book = source("Book",
        "@Table",
        "@Index(name = \"by_title\", columns = \"title\")",
        "public record Book(@Id long id, String title) {}");
    JavaFileObject magazine = source("Magazine",
        "@Table",
        "@Index(name = \"by_title\", columns = \"title\")",
        "public record Magazine(@Id long id, String title) {}");

    assertThat(compile(book, magazine))
        .hadErrorContaining("[KILN-015] index name 'by_title' is used twice")
        .inFile(magazine)
        .onLineContaining("@Index(name = \"by_title\"");
  }

  @Test
  void uniqueIndexThatRepeatsAUniqueColumn() {
    JavaFileObject person = source("Person",
        "@Table",
        "@Index(columns = \"email\", unique = true)",
        "public record Person(@Id long id, @Column(unique = true) String email) {}");

    Compilation compilation = compile(person);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-015] index name 'ux_person_email' is used twice: give one of"
            + " the indexes another @Index(name = ...), or remove the @Index if it repeats"
            + " @Column(unique = true) on Person.email")
        .inFile(person)
        .onLineContaining("@Index(columns = \"email\", unique = true)");
  }

  @Test
  void foreignKeyToATypeThatIsNotAnEntity() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(String.class) long authorId) {}");

    Compilation compilation = compile(book);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-013] @ForeignKey on 'authorId': String is not a @Table entity"
            + " compiled with this one; reference an entity")
        .inFile(book)
        .onLineContaining("@ForeignKey(String.class)");
  }

  @Test
  void foreignKeyToAPrimitiveClass() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(long.class) long authorId) {}");

    Compilation compilation = compile(book);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-013] @ForeignKey on 'authorId': long is not a @Table entity;"
            + " reference an entity")
        .inFile(book)
        .onLineContaining("@ForeignKey(long.class)");
  }

  @Test
  void foreignKeyOfAnotherTypeThanTheReferencedKey() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class)",
        "    String authorId) {}");

    Compilation compilation = compile(AUTHOR, book);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("[KILN-013] @ForeignKey on 'authorId': its type java.lang.String does"
            + " not match the key Author.id (long); declare it as long")
        .inFile(book)
        .onLineContaining("@ForeignKey(Author.class)");
  }

  @Test
  void nullableForeignKeyOfAnotherTypeIsToldToUseTheBox() {
    JavaFileObject book = source("Book",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) @Nullable Integer authorId) {}");

    assertThat(compile(AUTHOR, book))
        .hadErrorContaining("declare it as java.lang.Long")
        .inFile(book)
        .onLineContaining("@ForeignKey(Author.class)");
  }

  @Test
  void setNullOnANotNullForeignKey() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.SET_NULL)",
        "    long authorId) {}");

    assertThat(compile(AUTHOR, book))
        .hadErrorContaining("[KILN-013] @ForeignKey on 'authorId': onDelete = SET_NULL needs a"
            + " nullable property; mark it @Nullable")
        .inFile(book)
        .onLineContaining("onDelete = ForeignKey.Action.SET_NULL");
  }
}
