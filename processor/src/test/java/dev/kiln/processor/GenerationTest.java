package dev.kiln.processor;


import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.constant;
import static dev.kiln.processor.TestCompiler.generatedSource;
import static dev.kiln.processor.TestCompiler.generatedSources;
import static dev.kiln.processor.TestCompiler.schema;
import static dev.kiln.processor.TestCompiler.source;

/**
 * Specifies what Kiln generates for a record entity: the repository, the metamodel and the
 * compiled-in schema with its service registration; that the repository offers the methods of the
 * user contract; and that generated code is marked, reads rows by column index, keeps its SQL in
 * constants and uses no reflection.
 */
class GenerationTest {

  private static final String SERVICE_FILE = "META-INF/services/dev.kiln.mapping.SchemaProvider";

  private static final JavaFileObject AUTHOR = source("Author",
      "import java.time.Instant;",
      "import org.jspecify.annotations.Nullable;",
      "",
      "@Table",
      "@Index(columns = \"name\")",
      "public record Author(",
      "    @Id(autoGenerate = true) long id,",
      "    String name,",
      "    @Column(unique = true) String email,",
      "    Instant createdAt,",
      "    @Nullable String bio) {}");

  @Test
  void recordEntityGeneratesRepositoryMetamodelAndSchemaProvider() {
    Compilation compilation = compile(AUTHOR);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.AuthorRepository");
    assertThat(compilation).generatedSourceFile("test.Author_");
    assertThat(compilation).generatedSourceFile("test.KilnSchema");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
        .contentsAsUtf8String().isEqualTo("test.KilnSchema\n");
  }

  @Test
  void repositoryOffersTheContractMethods() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.Database;",
        "import java.time.Instant;",
        "import java.util.List;",
        "import java.util.Optional;",
        "import java.util.stream.Stream;",
        "",
        "class Usage {",
        "  static void use(Database db) {",
        "    AuthorRepository authors = new AuthorRepository(db);",
        "    Author ann = new Author(0, \"Ann\", \"a@x.org\", Instant.now(), null);",
        "    ann = authors.insert(ann);",
        "    List<Author> all = authors.insertAll(List.of(ann));",
        "    ann = authors.update(ann);",
        "    ann = authors.upsert(ann);",
        "    boolean deleted = authors.delete(ann) || authors.deleteById(1L);",
        "    int count = authors.deleteAll(all);",
        "    Optional<Author> one = authors.findById(1L);",
        "    List<Author> some = authors.findAllById(List.of(1L, 2L));",
        "    all = authors.findAll();",
        "    try (Stream<Author> stream = authors.streamAll()) {",
        "      stream.forEach(a -> {});",
        "    }",
        "    long rows = authors.count();",
        "    boolean exists = authors.existsById(1L);",
        "    List<Author> page = authors.query()",
        "        .where(Author_.NAME.startsWith(\"A\").and(Author_.BIO.isNotNull().not()))",
        "        .where(Author_.CREATED_AT.lt(Instant.now()).or(Author_.ID.between(1L, 9L)))",
        "        .orderBy(Author_.CREATED_AT.desc(), Author_.EMAIL.asc())",
        "        .limit(10).offset(20).list();",
        "    Optional<Author> first =",
        "        authors.query().where(Author_.EMAIL.eq(\"a@x.org\")).first();",
        "    long matching = authors.query().where(Author_.NAME.contains(\"n\")).count();",
        "  }",
        "}");

    assertThat(compile(AUTHOR, usage)).succeededWithoutWarnings();
  }

  @Test
  void generatedFilesAreMarkedGenerated() {
    Compilation compilation = compile(AUTHOR);

    for (String name : new String[] {"test.AuthorRepository", "test.Author_", "test.KilnSchema"}) {
      assertThat(generatedSource(compilation, name))
          .contains("@Generated(\"dev.kiln.processor.KilnProcessor\")");
    }
  }

  @Test
  void repositoryKeepsItsSqlInStaticFinalStringConstants() {
    Compilation compilation = compile(AUTHOR);
    String repository = generatedSource(compilation, "test.AuthorRepository");

    assertThat(repository).contains("static final String FIND_BY_ID = \"SELECT ");
    assertThat(repository).contains("ps = conn.prepare(FIND_BY_ID)");
    assertThat(constant(compilation, "test.AuthorRepository", "FIND_BY_ID")).isEqualTo(
        "SELECT \"id\", \"name\", \"email\", \"created_at\", \"bio\" FROM \"author\""
            + " WHERE \"id\" = ?");
    assertThat(constant(compilation, "test.AuthorRepository", "INSERT")).isEqualTo(
        "INSERT INTO \"author\" (\"id\", \"name\", \"email\", \"created_at\", \"bio\")"
            + " VALUES (?, ?, ?, ?, ?)");
  }

  @Test
  void rowsAreReadByColumnIndex() {
    String repository = generatedSource(compile(AUTHOR), "test.AuthorRepository");

    assertThat(repository).contains("public Author read(ResultSet rs, int first)");
    assertThat(repository).contains("JdbcValues.requireLong(rs, first)");
    assertThat(repository).contains("JdbcValues.getString(rs, first + 1)");
    assertThat(repository).contains("JdbcValues.getInstant(rs, first + 3)");
    assertThat(repository).doesNotContain("findColumn");
  }

  @Test
  void generatedCodeUsesNoReflection() {
    for (String generated : generatedSources(compile(AUTHOR))) {
      assertThat(generated).doesNotContain("java.lang.reflect");
      assertThat(generated).doesNotContain("getDeclaredField");
      assertThat(generated).doesNotContain("getDeclaredConstructor");
      assertThat(generated).doesNotContain("setAccessible");
      assertThat(generated).doesNotContain("Class.forName");
    }
  }

  @Test
  void generatedCodeIsReproducible() {
    assertThat(generatedSources(compile(AUTHOR))).isEqualTo(generatedSources(compile(AUTHOR)));
  }

  @Test
  void entitiesCompiledTogetherShareOneSchemaProvider() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id,",
        "    @ForeignKey(Author.class) long authorId,",
        "    String title) {}");

    Compilation compilation = compile(AUTHOR, book);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.BookRepository");
    assertThat(schema(compilation)).contains("CREATE TABLE \"author\"");
    assertThat(schema(compilation)).contains("CREATE TABLE \"book\"");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
        .contentsAsUtf8String().isEqualTo("test.KilnSchema\n");
  }

  @Test
  void entityInAnotherPackageGetsItsRepositoryThere() {
    JavaFileObject invoice = JavaFileObjects.forSourceLines("com.acme.billing.Invoice",
        "package com.acme.billing;",
        "",
        "import dev.kiln.annotations.Id;",
        "import dev.kiln.annotations.Table;",
        "",
        "@Table",
        "public record Invoice(@Id long number) {}");

    Compilation compilation = compile(invoice);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.billing.InvoiceRepository");
    assertThat(compilation).generatedSourceFile("com.acme.billing.Invoice_");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, SERVICE_FILE)
        .contentsAsUtf8String().isEqualTo("com.acme.billing.KilnSchema\n");
  }
}
