package dev.kiln.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.TestCompiler.compile;
import static dev.kiln.processor.TestCompiler.generatedSource;
import static dev.kiln.processor.TestCompiler.source;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Specifies what Kiln generates for relations: one typed constant per {@code @Relation} in the
 * metamodel ({@code Author_.BOOKS} is a {@code Relation<Author, Book>}), paths that nest with
 * {@code then}, and {@code fetch(...)} on the repository and its query. The types make a path
 * that does not start at the repository's entity, or a step that does not continue the path, a
 * javac error in the user's code.
 */
class RelationGenerationTest {

  private static final JavaFileObject AUTHOR = source("Author",
      "import java.util.List;",
      "",
      "@Table",
      "public record Author(",
      "    @Id long id,",
      "    String name,",
      "    @Relation(mappedBy = \"authorId\") List<Book> books) {}");

  private static final JavaFileObject BOOK = source("Book",
      "import java.util.List;",
      "",
      "@Table",
      "@Index(columns = \"authorId\")",
      "public record Book(",
      "    @Id long id,",
      "    @ForeignKey(Author.class) long authorId,",
      "    String title,",
      "    @Relation(foreignKey = \"authorId\") Author author,",
      "    @Relation(mappedBy = \"bookId\") List<Review> reviews,",
      "    @Relation(through = BookTag.class) List<Tag> tags) {}");

  private static final JavaFileObject REVIEW = source("Review",
      "@Table",
      "@Index(columns = \"bookId\")",
      "public record Review(@Id long id, @ForeignKey(Book.class) long bookId, int stars) {}");

  private static final JavaFileObject TAG = source("Tag",
      "@Table",
      "public record Tag(@Id long id, String label) {}");

  private static final JavaFileObject BOOK_TAG = source("BookTag",
      "@Table",
      "public record BookTag(",
      "    @Id @ForeignKey(Book.class) long bookId,",
      "    @Id @ForeignKey(Tag.class) long tagId) {}");

  private static Compilation compileWith(JavaFileObject usage) {
    return compile(AUTHOR, BOOK, REVIEW, TAG, BOOK_TAG, usage);
  }

  @Test
  void metamodelHasATypedConstantPerRelation() {
    Compilation compilation = compile(AUTHOR, BOOK, REVIEW, TAG, BOOK_TAG);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedSource(compilation, "test.Author_"))
        .contains("public static final Relation<Author, Book> BOOKS = new Relation<>(");
    String book = generatedSource(compilation, "test.Book_");
    assertThat(book).contains("public static final Relation<Book, Author> AUTHOR = ");
    assertThat(book).contains("public static final Relation<Book, Review> REVIEWS = ");
    assertThat(book).contains("public static final Relation<Book, Tag> TAGS = ");
  }

  @Test
  void relationsAreTypedPathsThatNest() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.query.Path;",
        "import dev.kiln.query.Relation;",
        "",
        "class Usage {",
        "  static final Relation<Author, Book> BOOKS = Author_.BOOKS;",
        "  static final Path<Author, Review> REVIEWS = Author_.BOOKS.then(Book_.REVIEWS);",
        "  static final Path<Author, Author> BACK = Author_.BOOKS.then(Book_.AUTHOR);",
        "  static final Path<Author, Tag> TAGS = Author_.BOOKS.then(Book_.TAGS);",
        "}");

    assertThat(compileWith(usage)).succeededWithoutWarnings();
  }

  @Test
  void repositoryFetchesPathsFromItsEntity() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.Database;",
        "import java.util.List;",
        "import java.util.Optional;",
        "",
        "class Usage {",
        "  static void use(Database db) {",
        "    AuthorRepository authors = new AuthorRepository(db);",
        "    BookRepository books = new BookRepository(db);",
        "    List<Author> all = authors.fetch(Author_.BOOKS).findAll();",
        "    Optional<Author> one =",
        "        authors.fetch(Author_.BOOKS.then(Book_.REVIEWS), Author_.BOOKS).findById(1L);",
        "    List<Book> some = books.fetch(Book_.AUTHOR, Book_.REVIEWS, Book_.TAGS)",
        "        .findAllById(List.of(1L, 2L));",
        "    List<Author> named = authors.query()",
        "        .where(Author_.NAME.startsWith(\"A\"))",
        "        .fetch(Author_.BOOKS.then(Book_.REVIEWS))",
        "        .list();",
        "    List<Book> titled = books.fetch(Book_.AUTHOR).query()",
        "        .where(Book_.TITLE.eq(\"Emma\")).list();",
        "  }",
        "}");

    assertThat(compileWith(usage)).succeededWithoutWarnings();
  }

  @Test
  void pathFromAnotherEntityDoesNotCompile() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.Database;",
        "",
        "class Usage {",
        "  static void use(Database db) {",
        "    new AuthorRepository(db).fetch(Book_.REVIEWS).findAll();",
        "  }",
        "}");

    Compilation compilation = compileWith(usage);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("method fetch in class test.AuthorRepository cannot be applied to"
            + " given types")
        .inFile(usage)
        .onLineContaining("fetch(Book_.REVIEWS)");
    assertOnlyJavacErrors(compilation);
  }

  @Test
  void pathFromAnotherEntityDoesNotCompileInAQuery() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.Database;",
        "",
        "class Usage {",
        "  static void use(Database db) {",
        "    new AuthorRepository(db).query().fetch(Book_.AUTHOR).list();",
        "  }",
        "}");

    Compilation compilation = compileWith(usage);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("no suitable method found for fetch")
        .inFile(usage)
        .onLineContaining("fetch(Book_.AUTHOR)");
    assertOnlyJavacErrors(compilation);
  }

  @Test
  void stepThatDoesNotContinueThePathDoesNotCompile() {
    JavaFileObject usage = source("Usage",
        "import dev.kiln.query.Path;",
        "",
        "class Usage {",
        "  static final Path<Author, ?> WRONG = Author_.BOOKS.then(Author_.BOOKS);",
        "}");

    Compilation compilation = compileWith(usage);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadErrorContaining("Relation<test.Author,test.Book> cannot be converted to"
            + " dev.kiln.query.Path<test.Book,U>")
        .inFile(usage)
        .onLineContaining("Author_.BOOKS.then(Author_.BOOKS)");
    assertOnlyJavacErrors(compilation);
  }

  /** The errors are javac's, about the user's code: Kiln found nothing wrong with the entities. */
  private static void assertOnlyJavacErrors(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(Locale.ROOT)).doesNotContain("KILN-");
    }
  }
}
