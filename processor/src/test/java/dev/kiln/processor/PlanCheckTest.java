package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.compileWithOptions;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Specifies the build-time plan check (KILN-041): a {@code @Dao} query that makes SQLite scan a
 * table to filter it gets a warning on the method, naming the exact {@code @Index} that would
 * avoid the scan; {@code -Akiln.planCheck=error} makes it an error; {@code @AllowScan} on the
 * method, the interface or the entity accepts the scan; an index, or a query that reads the whole
 * table anyway, gets nothing.
 */
class PlanCheckTest {

  /** No index but the primary key. */
  private static final JavaFileObject AUTHOR = source("Author",
      "import java.time.Instant;",
      "",
      "@Table",
      "public record Author(",
      "    @Id(autoGenerate = true) long id,",
      "    String name,",
      "    Instant createdAt) {}");

  private static final String NAME_SCAN = "[KILN-041] Queries.findByName scans table author"
      + " (SQLite's plan: SCAN author): add @Index(columns = \"name\") to Author, or mark it"
      + " @AllowScan if a full scan is intended";

  private static final JavaFileObject FIND_BY_NAME = source("Queries",
      "import java.util.List;",
      "",
      "@Dao",
      "public interface Queries {",
      "  List<Author> findByName(String name);",
      "}");

  @Test
  void derivedFinderOnAnUnindexedProperty() {
    Compilation compilation = compile(AUTHOR, FIND_BY_NAME);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining(NAME_SCAN)
        .inFile(FIND_BY_NAME)
        .onLineContaining("List<Author> findByName(String name);");
    assertThat(compilation).generatedSourceFile("test.Queries_Impl");
  }

  @Test
  void sqlFilteringAnUnindexedColumnNamesItsProperty() {
    JavaFileObject queries = source("Queries",
        "import java.time.Instant;",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author WHERE created_at > :since ORDER BY created_at\")",
        "  List<Author> since(Instant since);",
        "}");

    Compilation compilation = compile(AUTHOR, queries);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-041] Queries.since scans table author (SQLite's plan: SCAN"
            + " author): add @Index(columns = \"createdAt\") to Author, or mark it @AllowScan if a"
            + " full scan is intended")
        .inFile(queries)
        .onLineContaining("List<Author> since(Instant since);");
  }

  @Test
  void sqlWrittenAsATextBlock() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"\"\"",
        "      SELECT *",
        "      FROM author",
        "      WHERE name = :name",
        "      \"\"\")",
        "  List<Author> named(String name);",
        "}");

    Compilation compilation =
        compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, queries);

    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[KILN-041] Queries.named scans table author (SQLite's plan: SCAN"
            + " author): add @Index(columns = \"name\") to Author")
        .inFile(queries)
        .onLineContaining("List<Author> named(String name);");
  }

  @Test
  void sqlJoiningOnAnUnindexedForeignKey() {
    JavaFileObject book = source("Book",
        "@Table",
        "public record Book(",
        "    @Id long id, @ForeignKey(Author.class) long authorId, String title) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT b.* FROM author a JOIN book b ON b.author_id = a.id WHERE a.id = :id\")",
        "  List<Book> booksOf(long id);",
        "}");

    Compilation compilation = compile(AUTHOR, book, queries);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[KILN-041] Queries.booksOf scans table book (SQLite's plan: SCAN"
            + " b): add @Index(columns = \"authorId\") to Book")
        .inFile(queries)
        .onLineContaining("List<Book> booksOf(long id);");
  }

  @Test
  void sqlJoinScanningTheOuterTableNamesItsFilterNotTheJoinKey() {
    JavaFileObject book = source("Book",
        "@Table",
        "@Index(columns = \"authorId\")",
        "public record Book(",
        "    @Id long id, @ForeignKey(Author.class) long authorId, String title) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT b.* FROM book b JOIN author a ON a.id = b.author_id\"",
        "      + \" WHERE a.name = :name\")",
        "  List<Book> booksBy(String name);",
        "}");

    Compilation compilation = compile(AUTHOR, book, queries);

    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-041] Queries.booksBy scans table author (SQLite's plan: SCAN"
            + " a): add @Index(columns = \"name\") to Author")
        .inFile(queries)
        .onLineContaining("List<Book> booksBy(String name);");
  }

  @Test
  void indexThatCannotServeTheConditionIsNotSuggestedAgain() {
    JavaFileObject author = source("Author",
        "@Table",
        "@Index(columns = \"name\")",
        "public record Author(@Id(autoGenerate = true) long id, String name) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameContaining(String part);",
        "}");

    Compilation compilation = compile(author, queries);

    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-041] Queries.findByNameContaining scans table author"
            + " (SQLite's plan: SCAN author): the index on Author.name cannot serve this condition"
            + " (SQLite uses none for LIKE, a negation or IgnoreCase, nor for a BigDecimal,"
            + " BigInteger or OffsetDateTime, which Kiln compares through an expression): also"
            + " filter on a property it can search by, or mark it @AllowScan if a full scan is"
            + " intended")
        .inFile(queries)
        .onLineContaining("findByNameContaining");
  }

  @Test
  void ignoreCaseSeeksAnIndexThatFoldsCase() {
    JavaFileObject author = source("Author",
        "@Table",
        "@Index(columns = \"name COLLATE NOCASE\")",
        "public record Author(@Id(autoGenerate = true) long id, String name) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameIgnoreCase(String name);",
        "}");

    // "name" COLLATE NOCASE = ?: the index compares the way the condition does
    assertThat(compile(author, queries)).succeededWithoutWarnings();
  }

  @Test
  void decimalComparisonsSeekAnIndexOfTheirNumber() {
    JavaFileObject book = source("Book",
        "import java.math.BigDecimal;",
        "",
        "@Table",
        "@Index(columns = \"price\")",
        "public record Book(@Id(autoGenerate = true) long id, BigDecimal price) {}");
    JavaFileObject queries = source("Queries",
        "import java.math.BigDecimal;",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Book> findByPriceLessThan(BigDecimal price);",
        "  List<Book> findByPriceGreaterThanEqual(BigDecimal price);",
        "  List<Book> findByPrice(BigDecimal price);",
        "  List<Book> findByPriceBetween(BigDecimal low, BigDecimal high);",
        "}");

    // CAST(price AS REAL) <= <edge of the band> AND (… OR kiln_decimal_cmp(…)): the index is
    // on CAST("price" AS REAL), so each comparison seeks it
    Compilation compilation = compileWithOptions(List.of("-Akiln.planCheck=error"), book,
        queries);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/queries.txt")
        .contentsAsUtf8String().contains("SEARCH book USING INDEX ix_book_price (<expr><?)");
  }

  @Test
  void aUniqueIndexOfADecimalKeepsItsExactText() {
    JavaFileObject book = source("Book",
        "import java.math.BigDecimal;",
        "",
        "@Table",
        "@Index(columns = \"price\", unique = true)",
        "public record Book(@Id(autoGenerate = true) long id, BigDecimal price) {}");
    JavaFileObject queries = source("Queries",
        "import java.math.BigDecimal;",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Book> findByPriceLessThan(BigDecimal price);",
        "}");

    // 1.00000000000000001 and 1 are two values to a unique index, one to a double: the index
    // stays on the text, and the comparison scans
    assertThat(compile(book, queries)).hadWarningContaining("findByPriceLessThan");
  }

  @Test
  void startingWithSeeksAnIndexOnItsProperty() {
    JavaFileObject author = source("Author",
        "@Table",
        "@Index(columns = \"name\")",
        "public record Author(@Id(autoGenerate = true) long id, String name) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Author> findByNameStartingWith(String prefix);",
        "}");

    // (name >= ? AND name < kiln_prefix_end(?) AND instr(name, ?) = 1): a range on the index
    assertThat(compile(author, queries)).succeededWithoutWarnings();
  }

  @Test
  void planCheckErrorMakesTheScanAnError() {
    Compilation compilation =
        compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, FIND_BY_NAME);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining(NAME_SCAN)
        .inFile(FIND_BY_NAME)
        .onLineContaining("List<Author> findByName(String name);");
  }

  @Test
  void planCheckWarnIsTheDefault() {
    Compilation compilation =
        compileWithOptions(List.of("-Akiln.planCheck=warn"), AUTHOR, FIND_BY_NAME);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(NAME_SCAN);
  }

  @Test
  void allowScanOnTheMethod() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @AllowScan(\"a handful of authors\")",
        "  List<Author> findByName(String name);",
        "}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, queries))
        .succeededWithoutWarnings();
  }

  @Test
  void allowScanOnTheMethodCoversThatMethodOnly() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @AllowScan",
        "  List<Author> findByName(String name);",
        "",
        "  List<Author> findByNameStartingWith(String prefix);",
        "}");

    Compilation compilation = compile(AUTHOR, queries);

    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation)
        .hadWarningContaining("[KILN-041] Queries.findByNameStartingWith scans table author")
        .inFile(queries)
        .onLineContaining("findByNameStartingWith");
  }

  @Test
  void allowScanOnTheInterface() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "@AllowScan(\"nightly reports\")",
        "public interface Queries {",
        "  List<Author> findByName(String name);",
        "",
        "  @Sql(\"SELECT * FROM author WHERE created_at < :before\")",
        "  List<Author> before(java.time.Instant before);",
        "}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, queries))
        .succeededWithoutWarnings();
  }

  @Test
  void allowScanOnTheEntity() {
    JavaFileObject country = source("Country",
        "@Table",
        "@AllowScan(\"about 250 rows\")",
        "public record Country(@Id String code, String name) {}");
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Country> findByName(String name);",
        "",
        "  @Sql(\"SELECT * FROM country WHERE name LIKE :pattern\")",
        "  List<Country> like(String pattern);",
        "}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), country, queries))
        .succeededWithoutWarnings();
  }

  @Test
  void indexedPropertyGetsNoWarning() {
    JavaFileObject author = source("Author",
        "@Table",
        "@Index(columns = \"name\")",
        "public record Author(@Id(autoGenerate = true) long id, String name) {}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), author, FIND_BY_NAME))
        .succeededWithoutWarnings();
  }

  @Test
  void unfilteredSelectGetsNoWarning() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT * FROM author ORDER BY id\")",
        "  List<Author> everyone();",
        "",
        "  @Sql(\"SELECT count(*) FROM author\")",
        "  long total();",
        "}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, queries))
        .succeededWithoutWarnings();
  }

  @Test
  void wordsInStringLiteralsAndCommentsAreNotSql() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT name || ' it''s WHERE name = x' AS name FROM author ORDER BY id\")",
        "  List<String> labels();",
        "",
        "  @Sql(\"SELECT name FROM author /* WHERE name = :x */ ORDER BY id -- WHERE name = 1\")",
        "  List<String> names();",
        "}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, queries))
        .succeededWithoutWarnings();
  }

  @Test
  void aFilterAfterAStringLiteralIsStillSeen() {
    JavaFileObject queries = source("Queries",
        "import java.util.List;",
        "",
        "@Dao",
        "public interface Queries {",
        "  @Sql(\"SELECT 'FROM book b WHERE' AS label FROM author a WHERE a.name = :name\")",
        "  List<String> labelled(String name);",
        "}");

    Compilation compilation = compile(AUTHOR, queries);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[KILN-041] Queries.labelled scans table author (SQLite's plan:"
            + " SCAN a): add @Index(columns = \"name\") to Author")
        .inFile(queries)
        .onLineContaining("List<String> labelled(String name);");
  }

  @Test
  void lookupByPrimaryKeyGetsNoWarning() {
    JavaFileObject queries = source("Queries",
        "import java.util.Optional;",
        "",
        "@Dao",
        "public interface Queries {",
        "  Optional<Author> findById(long id);",
        "}");

    assertThat(compileWithOptions(List.of("-Akiln.planCheck=error"), AUTHOR, queries))
        .succeededWithoutWarnings();
  }
}
