package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.generatedSource;
import static dev.kiln.processor.TestCompiler.schema;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies the schema Kiln compiles in for the runtime: table and column names (snake_case by
 * default, or as {@code @Table}/{@code @Column} say), {@code STRICT} tables, which columns are
 * {@code NOT NULL}, and the indexes and foreign keys the annotations ask for.
 */
class SchemaTest {

  @Test
  void namesDefaultToSnakeCaseOfTheJavaNames() {
    Compilation compilation = compile(source("InvoiceLine",
        "import java.time.Instant;",
        "",
        "@Table",
        "public record InvoiceLine(@Id long id, Instant createdAt, int address2) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("CREATE TABLE \"invoice_line\" (");
    assertThat(schema(compilation)).contains("\"created_at\" TEXT NOT NULL");
    assertThat(schema(compilation)).contains("\"address2\" INTEGER NOT NULL");
    assertThat(generatedSource(compilation, "test.InvoiceLine_"))
        .contains("CREATED_AT = new ComparableColumn<>(\"invoice_line\", \"created_at\"");
  }

  @Test
  void tableAndColumnNamesCanBeGiven() {
    Compilation compilation = compile(source("InvoiceLine",
        "import java.time.Instant;",
        "",
        "@Table(name = \"lines\")",
        "public record InvoiceLine(",
        "    @Id long id,",
        "    @Column(name = \"made_at\") Instant createdAt) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("CREATE TABLE \"lines\" (");
    assertThat(schema(compilation)).contains("\"made_at\" TEXT NOT NULL");
    assertThat(schema(compilation)).doesNotContain("invoice_line");
    assertThat(schema(compilation)).doesNotContain("created_at");
  }

  @Test
  void tablesAreStrictByDefault() {
    Compilation compilation = compile(source("Tag",
        "@Table",
        "public record Tag(@Id String name) {}"));

    assertThat(schema(compilation)).endsWith(") STRICT");
  }

  @Test
  void strictFalseMakesAnOrdinaryTable() {
    Compilation compilation = compile(source("Tag",
        "@Table(strict = false)",
        "public record Tag(@Id String name) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).doesNotContain("STRICT");
    assertThat(schema(compilation)).endsWith(")");
  }

  @Test
  void primitivesAndUnannotatedReferencesAreNotNull() {
    Compilation compilation = compile(source("Person",
        "@Table",
        "public record Person(@Id long id, int age, boolean active, String name, Long points) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = schema(compilation);
    assertThat(schema).contains("\"age\" INTEGER NOT NULL");
    assertThat(schema).contains("\"active\" INTEGER NOT NULL");
    assertThat(schema).contains("\"name\" TEXT NOT NULL");
    assertThat(schema).contains("\"points\" INTEGER NOT NULL");
    assertThat(generatedSource(compilation, "test.PersonRepository"))
        .contains("Checks.notNull(entity.points(), \"Person\", \"points\")");
  }

  @Test
  void jspecifyNullableTypeUseMakesAColumnNullable() {
    Compilation compilation = compile(source("Person",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Person(",
        "    @Id long id,",
        "    @Nullable String nickname,",
        "    java.lang.@Nullable Long points,",
        "    byte @Nullable [] photo) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = schema(compilation);
    assertThat(schema).contains("\"nickname\" TEXT,");
    assertThat(schema).contains("\"points\" INTEGER,");
    assertThat(schema).contains("\"photo\" BLOB,");
    assertThat(generatedSource(compilation, "test.PersonRepository"))
        .doesNotContain("Checks.notNull(");
  }

  /**
   * JSpecify's {@code @Nullable} is a type-use annotation, so {@code @Nullable byte[]} annotates
   * the element type {@code byte}, where it can mean nothing: the writer meant the array, and
   * Kiln reads it so, as it reads a declaration annotation in the same place.
   */
  @Test
  void jspecifyNullableBeforeAByteArrayMakesTheColumnNullable() {
    Compilation compilation = compile(source("Person",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Person(",
        "    @Id long id,",
        "    @Nullable byte[] receipt) {}"));

    assertThat(compilation).succeeded();
    assertThat(schema(compilation)).contains("\"receipt\" BLOB,");
  }

  @Test
  void anyDeclarationAnnotationNamedNullableMakesAColumnNullable() {
    JavaFileObject nullable = source("Nullable",
        "import java.lang.annotation.Retention;",
        "import java.lang.annotation.RetentionPolicy;",
        "",
        "/** Like JSR-305's: a declaration annotation, in a package Kiln does not know. */",
        "@Retention(RetentionPolicy.CLASS)",
        "public @interface Nullable {}");
    JavaFileObject person = source("Person",
        "@Table",
        "public record Person(@Id long id, @Nullable String nickname) {}");

    Compilation compilation = compile(nullable, person);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("\"nickname\" TEXT,");
  }

  @Test
  void columnNullableTrueMakesAColumnNullable() {
    Compilation compilation = compile(source("Person",
        "@Table",
        "public record Person(@Id long id, @Column(nullable = true) String nickname) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("\"nickname\" TEXT,");
  }

  @Test
  void indexesAreOverColumnsOfTheNamedProperties() {
    Compilation compilation = compile(source("Person",
        "@Table",
        "@Index(columns = {\"lastName\", \"firstName\"})",
        "@Index(name = \"person_active_email\", columns = \"email\", unique = true,",
        "    where = \"active = 1\")",
        "public record Person(",
        "    @Id long id,",
        "    String firstName,",
        "    String lastName,",
        "    String email,",
        "    @Column(unique = true) String phone,",
        "    boolean active) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    String schema = schema(compilation);
    assertThat(schema).contains(
        "CREATE INDEX \"ix_person_last_name_first_name\" ON \"person\""
            + " (\"last_name\", \"first_name\")");
    assertThat(schema).contains(
        "CREATE UNIQUE INDEX \"person_active_email\" ON \"person\" (\"email\") WHERE active = 1");
    assertThat(schema).contains(
        "CREATE UNIQUE INDEX \"ux_person_phone\" ON \"person\" (\"phone\")");
  }

  @Test
  void foreignKeyReferencesTheTargetsKey() {
    JavaFileObject author = source("Author",
        "@Table",
        "public record Author(@Id long id) {}");
    JavaFileObject book = source("Book",
        "import org.jspecify.annotations.Nullable;",
        "",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE)",
        "    long authorId,",
        "    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.SET_NULL)",
        "    @Nullable Long editorId) {}");

    Compilation compilation = compile(author, book);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains(
        "FOREIGN KEY (\"author_id\") REFERENCES \"author\" (\"id\") ON DELETE CASCADE");
    assertThat(schema(compilation)).contains(
        "FOREIGN KEY (\"editor_id\") REFERENCES \"author\" (\"id\") ON DELETE SET NULL");
  }

  @Test
  void columnDefaultValueGoesIntoTheDdl() {
    Compilation compilation = compile(source("Task",
        "@Table",
        "public record Task(@Id long id, @Column(defaultValue = \"'todo'\") String state) {}"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation)).contains("\"state\" TEXT NOT NULL DEFAULT 'todo'");
  }
}
