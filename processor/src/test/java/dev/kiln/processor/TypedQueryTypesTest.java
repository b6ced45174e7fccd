package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The typed API's promises that javac keeps: a projection goes only into a function of the
 * selected types and number; sums and averages exist only for number columns; a relation
 * condition or path starts at the query's entity; an update sets a column to a value of its
 * type. Each wrong use fails to compile, and the right ones compile.
 */
class TypedQueryTypesTest {

  private static final JavaFileObject AUTHOR = source("Author",
      "import java.util.List;",
      "",
      "@Table",
      "public record Author(@Id(autoGenerate = true) long id, String name, String email,",
      "    @Relation(mappedBy = \"authorId\") List<Book> books) {}");

  private static final JavaFileObject BOOK = source("Book",
      "import java.math.BigDecimal;",
      "",
      "@Table",
      "@Index(columns = \"authorId\")",
      "public record Book(@Id(autoGenerate = true) long id,",
      "    @ForeignKey(Author.class) long authorId, String title, BigDecimal price, int pages,",
      "    @Relation(foreignKey = \"authorId\") Author author) {}");

  private static JavaFileObject usage(String... body) {
    String[] lines = new String[body.length + 8];
    lines[0] = "import dev.kiln.Database;";
    lines[1] = "import dev.kiln.query.Aggregate;";
    lines[2] = "import java.math.BigDecimal;";
    lines[3] = "import java.util.List;";
    lines[4] = "class Usage {";
    lines[5] = "  record NameAndEmail(String name, String email) {}";
    lines[6] = "  static void use(Database db) {";
    System.arraycopy(body, 0, lines, 7, body.length);
    lines[lines.length - 1] = "  }}";
    return source("Usage", lines);
  }

  @Test
  void theRightUsesCompile() {
    Compilation compilation = compile(AUTHOR, BOOK, usage(
        "    List<NameAndEmail> rows = new AuthorRepository(db).query()",
        "        .where(Author_.BOOKS.any(Book_.PRICE.lt(BigDecimal.TEN)))",
        "        .select(Author_.NAME, Author_.EMAIL).into(NameAndEmail::new).list();",
        "    BigDecimal total = new BookRepository(db).query().sum(Book_.PRICE);",
        "    BigDecimal pages = new BookRepository(db).query().sum(Book_.PAGES);",
        "    List<String> names = new BookRepository(db).query()",
        "        .where(Book_.AUTHOR.any(Author_.NAME.eq(\"Ann\")))",
        "        .groupBy(Book_.AUTHOR.then(Author_.NAME))",
        "        .having(Aggregate.<Book>count().gt(2L))",
        "        .select(Book_.AUTHOR.then(Author_.NAME)).list();",
        "    long raised = new BookRepository(db).query().where(Book_.AUTHOR_ID.eq(7))",
        "        .update(Book_.PRICE.multiply(new BigDecimal(\"1.10\")), Book_.PAGES.add(1));"));
    assertThat(compilation).succeeded();
  }

  @Test
  void aProjectionIntoTheWrongTypesDoesNotCompile() {
    Compilation compilation = compile(AUTHOR, BOOK, usage(
        "    record NameAndPages(String name, Integer pages) {}",
        "    List<NameAndPages> rows = new BookRepository(db).query()",
        "        .select(Book_.TITLE, Book_.PRICE).into(NameAndPages::new).list();"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(
        "java.math.BigDecimal cannot be converted to java.lang.Integer");
  }

  @Test
  void aProjectionIntoTheWrongNumberOfValuesDoesNotCompile() {
    Compilation compilation = compile(AUTHOR, BOOK, usage(
        "    List<NameAndEmail> rows = new AuthorRepository(db).query()",
        "        .select(Author_.NAME, Author_.EMAIL, Author_.ID).into(NameAndEmail::new).list();"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("NameAndEmail");
  }

  @Test
  void aSumOfTextDoesNotCompile() {
    Compilation compilation = compile(AUTHOR, BOOK, usage(
        "    BigDecimal total = new BookRepository(db).query().sum(Book_.TITLE);"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(
        "TextColumn<test.Book> cannot be converted to dev.kiln.query.Summable");
    Compilation aggregate = compile(AUTHOR, BOOK, usage(
        "    Object avg = Book_.TITLE.avg();"));
    assertThat(aggregate).failed();
    assertThat(aggregate).hadErrorContaining("avg");
  }

  @Test
  void aRelationFromAnotherEntityDoesNotCompile() {
    Compilation condition = compile(AUTHOR, BOOK, usage(
        "    List<Book> books = new BookRepository(db).query()",
        "        .where(Author_.BOOKS.any(Book_.PRICE.lt(BigDecimal.TEN))).list();"));
    assertThat(condition).failed();
    assertThat(condition).hadErrorContaining(
        "Condition<test.Author> cannot be converted to dev.kiln.query.Condition<test.Book>");
    Compilation inner = compile(AUTHOR, BOOK, usage(
        "    List<Author> authors = new AuthorRepository(db).query()",
        "        .where(Author_.BOOKS.any(Author_.NAME.eq(\"Ann\"))).list();"));
    assertThat(inner).failed();
  }

  @Test
  void anUpdateToAValueOfAnotherTypeDoesNotCompile() {
    Compilation compilation = compile(AUTHOR, BOOK, usage(
        "    new BookRepository(db).query().where(Book_.ID.eq(1))",
        "        .update(Book_.PAGES.add(1.5));"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("add");
  }
}
