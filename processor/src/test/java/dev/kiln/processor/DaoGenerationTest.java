package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.ShopEntities.compileWithShop;
import static dev.kiln.processor.ShopEntities.queries;
import static dev.kiln.processor.TestCompiler.constant;
import static dev.kiln.processor.TestCompiler.generatedSource;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Specifies what Kiln generates for a {@code @Dao} interface: {@code <Name>_Impl}, implementing
 * it with each method's SQL in a constant, for every return shape the contract lists, free of
 * warnings when every filtered column is indexed; and the build's query list,
 * {@code META-INF/kiln/queries.txt}, with every repository and DAO statement and its plan.
 */
class DaoGenerationTest {

  private static final String QUERIES_TXT = "META-INF/kiln/queries.txt";

  /** Derived finders and @Sql methods, every one filtering on an indexed column or none. */
  private static final JavaFileObject QUERIES = queries(
      "import java.math.BigDecimal;",
      "import java.util.Collection;",
      "",
      "@Dao",
      "public interface Queries {",
      "  Optional<Author> findByEmail(String email);",
      "",
      "  Author findFirstByNameOrderByRankDesc(String name);",
      "",
      "  List<Author> findTop3ByNameOrderByRankDesc(String name);",
      "",
      "  Stream<Book> findByAuthorIdIn(Collection<Long> authorIds);",
      "",
      "  long countBooksByAuthorId(long authorId);",
      "",
      "  boolean existsAuthorByEmail(String email);",
      "",
      "  int deleteBooksByAuthorId(long authorId);",
      "",
      "  @Sql(\"SELECT a.name AS name, COUNT(b.id) AS books FROM author a\"",
      "      + \" JOIN book b ON b.author_id = a.id GROUP BY a.id ORDER BY books DESC LIMIT :n\")",
      "  List<AuthorBooks> mostBooks(int n);",
      "",
      "  @Sql(\"SELECT name FROM author WHERE id = :id\")",
      "  String nameOf(long id);",
      "",
      "  @Sql(\"SELECT bio FROM author WHERE email = :email\")",
      "  Optional<String> bioOf(String email);",
      "",
      "  @Sql(\"SELECT count(*) FROM book\")",
      "  long bookCount();",
      "",
      "  @Sql(\"SELECT * FROM author WHERE id = :id\")",
      "  Author author(long id);",
      "",
      "  @Sql(\"UPDATE book SET price = :price WHERE author_id IN (:authorIds)\")",
      "  int reprice(BigDecimal price, List<Long> authorIds);",
      "",
      "  @Sql(\"DELETE FROM book WHERE author_id = :authorId\")",
      "  void forget(long authorId);",
      "",
      "  default Optional<Author> byEmailOrName(String email, String name) {",
      "    return findByEmail(email)",
      "        .or(() -> Optional.ofNullable(findFirstByNameOrderByRankDesc(name)));",
      "  }",
      "",
      "  record AuthorBooks(String name, long books) {}",
      "}");

  @Test
  void daoGeneratesItsImplementationWithoutWarnings() {
    Compilation compilation = compileWithShop(QUERIES);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.Queries_Impl"))
        .contains("public final class Queries_Impl implements Queries {");
  }

  @Test
  void implementationIsUsableAsTheInterface() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.Database;",
        "import java.math.BigDecimal;",
        "import java.util.List;",
        "import java.util.Optional;",
        "import java.util.stream.Stream;",
        "",
        "class Usage {",
        "  static void use(Database db) {",
        "    Queries queries = new Queries_Impl(db);",
        "    Optional<Author> byEmail = queries.findByEmail(\"ann@example.org\");",
        "    Author first = queries.findFirstByNameOrderByRankDesc(\"Ann\");",
        "    List<Author> top = queries.findTop3ByNameOrderByRankDesc(\"Ann\");",
        "    try (Stream<Book> books = queries.findByAuthorIdIn(List.of(1L, 2L))) {",
        "      books.forEach(b -> {});",
        "    }",
        "    long count = queries.countBooksByAuthorId(1);",
        "    boolean exists = queries.existsAuthorByEmail(\"ann@example.org\");",
        "    int deleted = queries.deleteBooksByAuthorId(1);",
        "    List<Queries.AuthorBooks> most = queries.mostBooks(10);",
        "    String name = queries.nameOf(1);",
        "    Optional<String> bio = queries.bioOf(\"ann@example.org\");",
        "    long books = queries.bookCount();",
        "    Author author = queries.author(1);",
        "    int repriced = queries.reprice(BigDecimal.ONE, List.of(1L));",
        "    queries.forget(1);",
        "    Optional<Author> either = queries.byEmailOrName(\"ann@example.org\", \"Ann\");",
        "  }",
        "}");

    assertThat(compileWithShop(QUERIES, usage)).succeededWithoutWarnings();
  }

  @Test
  void derivedSqlIsKeptInConstants() {
    Compilation compilation = compileWithShop(QUERIES);

    assertThat(constant(compilation, "test.Queries_Impl", "FIND_BY_EMAIL"))
        .isEqualTo("SELECT \"id\", \"name\", \"email\", \"rank\", \"active\", \"created_at\","
            + " \"bio\" FROM \"author\" WHERE \"email\" = ? ORDER BY \"id\" LIMIT 2");
    assertThat(constant(compilation, "test.Queries_Impl",
            "FIND_TOP3_BY_NAME_ORDER_BY_RANK_DESC"))
        .isEqualTo("SELECT \"id\", \"name\", \"email\", \"rank\", \"active\", \"created_at\","
            + " \"bio\" FROM \"author\" WHERE \"name\" = ? ORDER BY \"rank\" DESC, \"id\" LIMIT 3");
    assertThat(constant(compilation, "test.Queries_Impl", "COUNT_BOOKS_BY_AUTHOR_ID"))
        .isEqualTo("SELECT count(*) FROM \"book\" WHERE \"author_id\" = ?");
    assertThat(constant(compilation, "test.Queries_Impl", "EXISTS_AUTHOR_BY_EMAIL"))
        .isEqualTo("SELECT EXISTS (SELECT 1 FROM \"author\" WHERE \"email\" = ?)");
    assertThat(constant(compilation, "test.Queries_Impl", "DELETE_BOOKS_BY_AUTHOR_ID"))
        .isEqualTo("DELETE FROM \"book\" WHERE \"author_id\" = ?");
  }

  @Test
  void sqlIsKeptInConstantsWithJdbcPlaceholders() {
    Compilation compilation = compileWithShop(QUERIES);

    assertThat(constant(compilation, "test.Queries_Impl", "NAME_OF"))
        .isEqualTo("SELECT name FROM author WHERE id = ?");
    assertThat(constant(compilation, "test.Queries_Impl", "REPRICE"))
        .isEqualTo("UPDATE book SET price = ? WHERE author_id IN (/*list bigint*/?)");
  }

  @Test
  void postgresqlStatementsAreWrittenBesideSqlitesWhereTheyDiffer() {
    Compilation compilation = compileWithShop(queries(
        "import java.math.BigDecimal;",
        "import java.util.Collection;",
        "",
        "@Dao",
        "public interface Queries {",
        "  List<Book> findByAuthorIdIn(Collection<Long> authorIds);",
        "",
        "  @AllowScan",
        "  List<Author> findByNameIgnoreCaseAndActiveTrue(String name);",
        "",
        "  @AllowScan",
        "  List<Book> findByPriceGreaterThanOrderByPriceDesc(BigDecimal price);",
        "",
        "  Optional<Author> findByEmail(String email);",
        "",
        "  @AllowScan",
        "  @Sql(value = \"SELECT count(*) FROM author WHERE bio IS :bio\",",
        "      postgresql = \"SELECT count(*) FROM author WHERE bio IS NOT DISTINCT FROM :bio\")",
        "  long withBio(String bio);",
        "",
        "  @Sql(\"SELECT name FROM author WHERE id IN (:ids)\")",
        "  List<String> names(Collection<Long> ids);",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();

    assertThat(constant(compilation, "test.Queries_Impl", "FIND_BY_AUTHOR_ID_IN_POSTGRESQL"))
        .isEqualTo("SELECT \"id\", \"author_id\", \"title\", \"price\" FROM \"book\" WHERE"
            + " \"author_id\" = ANY(ARRAY[/*array*/?]::bigint[]) ORDER BY \"id\"");
    assertThat(constant(compilation, "test.Queries_Impl",
        "FIND_BY_NAME_IGNORE_CASE_AND_ACTIVE_TRUE_POSTGRESQL"))
        .contains("WHERE translate(\"name\", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
            + " 'abcdefghijklmnopqrstuvwxyz') = translate(?, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
            + " 'abcdefghijklmnopqrstuvwxyz') AND \"active\" = TRUE");
    // decimals are numeric on PostgreSQL: a plain comparison, nulls first as on SQLite
    assertThat(constant(compilation, "test.Queries_Impl",
        "FIND_BY_PRICE_GREATER_THAN_ORDER_BY_PRICE_DESC_POSTGRESQL"))
        .endsWith("WHERE \"price\" > ? ORDER BY \"price\" DESC, \"id\"");
    assertThat(constant(compilation, "test.Queries_Impl", "WITH_BIO_POSTGRESQL"))
        .isEqualTo("SELECT count(*) FROM author WHERE bio IS NOT DISTINCT FROM ?");
    // the same SQL on both engines: one constant
    String impl = generatedSource(compilation, "test.Queries_Impl");
    assertThat(impl).doesNotContain("FIND_BY_EMAIL_POSTGRESQL");
    assertThat(impl).doesNotContain("NAMES_POSTGRESQL");
    assertThat(constant(compilation, "test.Queries_Impl", "NAMES"))
        .isEqualTo("SELECT name FROM author WHERE id IN (/*list bigint*/?)");
  }

  @Test
  void aPostgresqlTextWithAnUnknownPlaceholderIsACompileError() {
    Compilation compilation = compileWithShop(queries(
        "@Dao",
        "public interface Queries {",
        "  @Sql(value = \"SELECT name FROM author WHERE id = :id\",",
        "      postgresql = \"SELECT name FROM author WHERE id = :ident\")",
        "  String nameOf(long id);",
        "}"));
    assertThat(compilation).hadErrorContaining(
        ":ident in the postgresql text has no parameter of that name");
  }

  @Test
  void defaultMethodsAreLeftToTheInterface() {
    String impl = generatedSource(compileWithShop(QUERIES), "test.Queries_Impl");

    assertThat(impl).doesNotContain("byEmailOrName");
  }

  @Test
  void nestedDaoIsNamedAfterItsEnclosingTypes() {
    JavaFileObject shop = source("Shop",
        "public final class Shop {",
        "  @Dao",
        "  public interface Queries {",
        "    java.util.Optional<Author> findByEmail(String email);",
        "  }",
        "}");

    Compilation compilation = compileWithShop(shop);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.Shop_Queries_Impl"))
        .contains("public final class Shop_Queries_Impl implements Shop.Queries {");
  }

  @Test
  void queryListHasRepositoryAndDaoStatementsWithTheirPlans() {
    Compilation compilation = compileWithShop(QUERIES);

    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, QUERIES_TXT)
        .contentsAsUtf8String()
        .contains("## AuthorRepository.findById\n"
            + "SELECT \"id\", \"name\", \"email\", \"rank\", \"active\", \"created_at\", \"bio\""
            + " FROM \"author\" WHERE \"id\" = ?\n"
            + "    SEARCH author USING INTEGER PRIMARY KEY (rowid=?)\n");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, QUERIES_TXT)
        .contentsAsUtf8String()
        .contains("## Queries.countBooksByAuthorId\n"
            + "SELECT count(*) FROM \"book\" WHERE \"author_id\" = ?\n"
            + "    SEARCH book USING COVERING INDEX ix_book_author_id (author_id=?)\n");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, QUERIES_TXT)
        .contentsAsUtf8String()
        .contains("## Queries.nameOf\n"
            + "SELECT name FROM author WHERE id = ?\n"
            + "    SEARCH author USING INTEGER PRIMARY KEY (rowid=?)\n");
  }

  @Test
  void queryListIsSortedByOwnerAndName() {
    Compilation compilation = compileWithShop(QUERIES);

    String list = contents(compilation);
    assertThat(list).startsWith("# Every statement Kiln generated or verified, with SQLite's"
        + " query plan.\n\n## AuthorRepository.");
    assertThat(list.indexOf("## BookRepository.")).isLessThan(list.indexOf("## Queries."));
    assertThat(list.indexOf("## Queries.author\n"))
        .isLessThan(list.indexOf("## Queries.bioOf\n"));
  }

  private static String contents(Compilation compilation) {
    try {
      return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, QUERIES_TXT)
          .orElseThrow().getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
