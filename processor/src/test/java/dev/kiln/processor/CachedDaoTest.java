package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.ShopEntities.compileWithShop;
import static dev.kiln.processor.ShopEntities.queries;
import static dev.kiln.processor.TestCompiler.generatedSource;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Cached} DAO methods: the processor finds the tables each statement reads (joins and
 * subqueries too) and writes them into the implementation and the query list; a method whose
 * results cannot be cached safely — a write, a stream, rows a caller could change — does not
 * compile.
 */
class CachedDaoTest {

  private static final String QUERIES_TXT = "META-INF/kiln/queries.txt";

  @Test
  void theTablesAStatementReadsAreFoundAtBuildTime() {
    JavaFileObject queries = queries(
        "@Dao(Book.class)",
        "@AllowScan",
        "public interface Queries {",
        "  @Cached List<Book> findByAuthorId(long authorId);",
        "  @Cached",
        "  @Sql(\"SELECT a.name, count(*) AS books FROM author a JOIN book b"
            + " ON b.author_id = a.id GROUP BY a.name\")",
        "  List<Row> counts();",
        "  @Cached",
        "  @Sql(\"SELECT count(*) FROM author WHERE id IN (SELECT author_id FROM book)\")",
        "  long writers();",
        "  record Row(String name, long books) {}",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).succeededWithoutWarnings();
    String impl = generatedSource(compilation, "test.Queries_Impl");
    assertThat(impl).contains("FIND_BY_AUTHOR_ID_TABLES = List.of(\"book\")");
    assertThat(impl).contains("COUNTS_TABLES = List.of(\"author\", \"book\")");
    assertThat(impl).contains("WRITERS_TABLES = List.of(\"author\", \"book\")");
    assertThat(impl).contains("support.cached(FIND_BY_AUTHOR_ID, FIND_BY_AUTHOR_ID_TABLES,"
        + " DaoSupport.arguments(authorId)");
    assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, QUERIES_TXT)
        .contentsAsUtf8String()
        .contains("    (cached: dropped when a write to author, book commits)\n");
  }

  @Test
  void aWriteCannotBeCached() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Cached",
        "  @Sql(\"UPDATE book SET title = :title WHERE id = :id\")",
        "  int retitle(long id, String title);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[KILN-066] @Cached Queries.retitle changes rows:"
            + " only a query's rows can be kept in the query cache; remove @Cached")
        .inFile(queries).onLineContaining("int retitle(");
  }

  @Test
  void aStreamCannotBeCached() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Cached",
        "  @Sql(\"SELECT * FROM book WHERE author_id = :authorId\")",
        "  Stream<Book> books(long authorId);",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[KILN-066] @Cached Queries.books returns a"
            + " Stream, which is read once: only a query's rows can be kept in the query cache;"
            + " remove @Cached, or return a List")
        .inFile(queries).onLineContaining("Stream<Book> books(");
  }

  @Test
  void rowsACallerCouldChangeCannotBeCached() {
    JavaFileObject queries = queries(
        "@Dao",
        "public interface Queries {",
        "  @Cached",
        "  @Sql(\"SELECT title, price FROM book WHERE author_id = :authorId\")",
        "  List<Line> lines(long authorId);",
        "  final class Line {",
        "    private String title;",
        "    private final java.math.BigDecimal price;",
        "    public Line(String title, java.math.BigDecimal price) {",
        "      this.title = title;",
        "      this.price = price;",
        "    }",
        "    public void retitle(String title) { this.title = title; }",
        "  }",
        "}");

    Compilation compilation = compileWithShop(queries);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[KILN-067] @Cached Queries.lines returns Line,"
            + " a class with fields that are not final (title), so one caller could change the"
            + " rows the next one receives: make it a record (or its fields final), or remove"
            + " @Cached")
        .inFile(queries).onLineContaining("List<Line> lines(");
  }
}
