package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.dao.LibraryQueries;
import dev.kiln.it.dao.LibraryQueries.AuthorSummary;
import dev.kiln.it.dao.LibraryQueries.BookLine;
import dev.kiln.it.dao.LibraryQueries.LastYear;
import dev.kiln.it.dao.LibraryQueries_Impl;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Sql} methods on a real database file: rows read into an entity (from {@code SELECT *}
 * and from its columns in another order), into a record projection whose components match
 * {@code snake_case} or {@code camelCase} columns, into a class projection, and into scalars
 * ({@code long}, {@code String}, {@code BigDecimal} with its scale, {@code Optional<Long>}), alone
 * or in {@code Optional}, {@code List} or {@code Stream}; {@code INSERT}/{@code UPDATE}/{@code
 * DELETE} returning {@code int}/{@code long}/nothing; a {@code :name} used twice, collection
 * parameters expanding for {@code IN} (empty ones too), and a null argument bound as SQL
 * {@code NULL}.
 */
@Tag("engines")
class DaoSqlQueryTest {

  @TempDir Path dir;
  Database db;
  LibraryQueries library;
  AuthorRepository authors;
  BookRepository books;
  Author ann;
  Author bob;
  Author cy;
  Book alpha;
  Book beta;
  Book gamma;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    library = new LibraryQueries_Impl(db);
    authors = new AuthorRepository(db);
    books = new BookRepository(db);
    ann = authors.insert(author("Ann", "poet"));
    bob = authors.insert(author("Bob", null));
    cy = authors.insert(author("Cy", null));
    alpha = books.insert(new Book(0, ann.id(), "Alpha", new BigDecimal("12.50"), 2001, 0));
    beta = books.insert(new Book(0, ann.id(), "Beta", new BigDecimal("9.99"), null, 0));
    gamma = books.insert(new Book(0, bob.id(), "Gamma", new BigDecimal("100"), 1999, 0));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Author author(String name, String bio) {
    return new Author(0, name, name.toLowerCase() + "@example.org",
        Instant.parse("2024-01-01T00:00:00.123Z"), bio);
  }

  private static List<Long> ids(List<Book> rows) {
    return rows.stream().map(Book::id).toList();
  }

  // ---- entities ---------------------------------------------------------------------------------

  @Test
  void selectStarReadsEntities() {
    assertEquals(List.of(alpha, beta), library.booksOf(ann.id()));
    assertEquals(List.of(), library.booksOf(cy.id()));
  }

  @Test
  void columnsInAnotherOrderReadIntoTheRightProperties() {
    assertEquals(alpha, library.book(alpha.id()));
    assertEquals(beta, library.book(beta.id()));
    assertNull(library.book(999));
  }

  @Test
  void optionalEntity() {
    assertEquals(Optional.of(gamma), library.findBook(gamma.id()));
    assertEquals(Optional.empty(), library.findBook(999));
  }

  @Test
  void streamOfEntities() {
    try (Stream<Author> rows = library.authorsWithBooks()) {
      assertEquals(List.of(ann, bob), rows.toList());
    }
  }

  @Test
  void aNameUsedTwiceBindsTheSameValueTwice() {
    assertEquals(Optional.of(ann), library.authorByNameOrEmail("Ann"));
    assertEquals(Optional.of(bob), library.authorByNameOrEmail("bob@example.org"));
    assertEquals(Optional.empty(), library.authorByNameOrEmail("Dee"));
  }

  @Test
  void aCollectionExpandsForInAndAnEmptyOneMatchesNothing() {
    assertEquals(List.of(alpha.id(), beta.id(), gamma.id()),
        ids(library.booksOfAny(List.of(bob.id(), ann.id()))));
    assertEquals(List.of(gamma.id()), ids(library.booksOfAny(Set.of(bob.id()))));
    assertEquals(List.of(), library.booksOfAny(List.of()));
    assertEquals(List.of(), library.booksOfAny(List.of(cy.id())));
  }

  @Test
  void twoCollectionsInOneStatementAndNotInAnEmptyOne() {
    List<Long> both = List.of(ann.id(), bob.id());
    assertEquals(List.of(beta.id(), gamma.id()), library.bookIds(both, List.of(alpha.id())));
    assertEquals(List.of(alpha.id(), beta.id(), gamma.id()), library.bookIds(both, List.of()));
    assertEquals(List.of(), library.bookIds(List.of(), List.of(alpha.id())));
  }

  // ---- projections ------------------------------------------------------------------------------

  @Test
  void recordProjectionMatchesSnakeAndCamelCaseColumnsByName() {
    assertEquals(List.of(
            new BookLine(alpha.id(), "Alpha", "Ann", new BigDecimal("12.50"), 2001),
            new BookLine(beta.id(), "Beta", "Ann", new BigDecimal("9.99"), null)),
        library.bookLines(ann.id()));
  }

  @Test
  void recordProjectionAloneOrInOptionalOrStream() {
    BookLine line = new BookLine(gamma.id(), "Gamma", "Bob", new BigDecimal("100"), 1999);
    assertEquals(Optional.of(line), library.bookLine(gamma.id()));
    assertEquals(Optional.empty(), library.bookLine(999));
    assertEquals(line, library.bookLineOrNull(gamma.id()));
    assertNull(library.bookLineOrNull(999));
    try (Stream<BookLine> rows = library.streamBookLines(List.of(bob.id(), ann.id()))) {
      assertEquals(List.of(alpha.id(), beta.id(), gamma.id()),
          rows.map(BookLine::bookId).toList());
    }
    try (Stream<BookLine> rows = library.streamBookLines(List.of())) {
      assertEquals(0, rows.count());
    }
  }

  @Test
  void classProjectionIsBuiltThroughItsConstructor() {
    List<AuthorSummary> summaries = library.authorSummaries();
    assertEquals(List.of("Ann", "Bob", "Cy"), summaries.stream().map(AuthorSummary::name).toList());
    assertEquals(List.of(2L, 1L, 0L), summaries.stream().map(AuthorSummary::bookCount).toList());
    assertEquals(2001, summaries.get(0).lastPublished());
    assertEquals(1999, summaries.get(1).lastPublished());
    assertNull(summaries.get(2).lastPublished());
  }

  // ---- scalars ----------------------------------------------------------------------------------

  @Test
  void longScalar() {
    long count = library.bookCount(ann.id());
    assertEquals(2L, count);
    assertEquals(0L, library.bookCount(cy.id()));
  }

  @Test
  void aPrimitiveScalarRefusesNullInsteadOfReadingZero() {
    assertEquals(2001, library.lastPublished(ann.id()));
    KilnException e = assertThrows(KilnException.class, () -> library.lastPublished(cy.id()));
    // the label of an unnamed result column is the engine's: SQLite's is the expression
    String column = TestDatabase.postgres() ? "max" : "max(published)";
    assertEquals("column '" + column + "' is NULL in this row, which"
        + " LibraryQueries.lastPublished() cannot return as an int; return Integer (null) or"
        + " Optional<Integer> to receive it", e.getMessage());
  }

  @Test
  void aPrimitiveComponentOfAProjectionRefusesNull() {
    KilnException e = assertThrows(KilnException.class, () -> library.lastYears());
    assertEquals("column 'last_published' is NULL in this row, which"
        + " LibraryQueries.LastYear.lastPublished, an int, cannot hold; declare it Integer to"
        + " receive it", e.getMessage());
    books.insert(new Book(0, cy.id(), "Gamma", new BigDecimal("1.00"), 2020, 0));
    assertEquals(List.of(new LastYear("Ann", 2001), new LastYear("Bob", 1999),
        new LastYear("Cy", 2020)), library.lastYears());
  }

  @Test
  void stringScalarIsNullWhenThereIsNoRowOrTheValueIsNull() {
    assertEquals("Ann", library.authorName(ann.id()));
    assertNull(library.authorName(999));
    assertEquals("poet", library.authorBio(ann.id()));
    assertNull(library.authorBio(bob.id()));
    assertNull(library.authorBio(999));
  }

  @Test
  void bigDecimalScalarKeepsItsScale() {
    BigDecimal price = library.price(alpha.id());
    assertEquals(new BigDecimal("12.50"), price);
    assertEquals(2, price.scale());
    assertNull(library.price(999));
  }

  @Test
  void optionalScalarIsEmptyWhenThereIsNoRowOrTheValueIsNull() {
    assertEquals(Optional.of(2001L), library.published(alpha.id()));
    assertEquals(Optional.empty(), library.published(beta.id()));
    assertEquals(Optional.empty(), library.published(999));
  }

  @Test
  void listAndStreamOfScalars() {
    assertEquals(List.of("Alpha", "Beta"), library.titles(ann.id()));
    assertEquals(List.of(), library.titles(cy.id()));
    try (Stream<BigDecimal> prices = library.prices(ann.id())) {
      assertEquals(List.of(new BigDecimal("12.50"), new BigDecimal("9.99")), prices.toList());
    }
  }

  @Test
  void aNullArgumentIsBoundAsSqlNull() {
    assertEquals(2, library.authorsWithBio(null)); // bio IS NULL: Bob and Cy
    assertEquals(1, library.authorsWithBio("poet"));
    assertEquals(1, library.addBook(cy.id(), "Delta", new BigDecimal("5.5"), null));
    Book delta = library.booksOf(cy.id()).get(0);
    assertNull(delta.published());
    assertEquals(Optional.empty(), library.published(delta.id()));
    assertEquals(2, library.setPublished(null, List.of(alpha.id(), gamma.id())));
    assertNull(books.findById(alpha.id()).orElseThrow().published());
  }

  @Test
  void aPlaceholderInsideAStringLiteralIsText() {
    assertEquals(":id is 7", library.echo(7));
  }

  // ---- writes -----------------------------------------------------------------------------------

  @Test
  void insertReturnsTheRowsInserted() {
    int inserted = library.addBook(cy.id(), "Delta", new BigDecimal("5.50"), 2024);
    assertEquals(1, inserted);
    Book delta = library.booksOf(cy.id()).get(0);
    assertEquals(new Book(delta.id(), cy.id(), "Delta", new BigDecimal("5.50"), 2024, 0), delta);
  }

  @Test
  void updateReturnsTheRowsChangedAsLongOrInt() {
    long repriced = library.reprice(ann.id(), new BigDecimal("20.00"));
    assertEquals(2L, repriced);
    assertEquals(List.of(new BigDecimal("20.00"), new BigDecimal("20.00")),
        library.booksOf(ann.id()).stream().map(Book::price).toList());
    assertEquals(1L, books.findById(alpha.id()).orElseThrow().version());
    assertEquals(0L, library.reprice(cy.id(), BigDecimal.ONE));
    assertEquals(1, library.setPublished(2020, List.of(beta.id())));
    assertEquals(0, library.setPublished(2020, List.of()));
    assertEquals(Optional.of(2020L), library.published(beta.id()));
  }

  @Test
  void voidWritesRun() {
    library.renameAuthor(bob.id(), "Robert");
    assertEquals("Robert", library.authorName(bob.id()));
    library.deleteBooksOf(ann.id());
    assertEquals(List.of(), library.booksOf(ann.id()));
    assertEquals(List.of(gamma), library.booksOf(bob.id()));
  }

  @Test
  void deleteReturnsTheRowsDeleted() {
    assertEquals(1, library.deleteAuthor(bob.id()));
    assertEquals(0, library.deleteAuthor(bob.id()));
    assertEquals(List.of(), library.booksOf(bob.id()), "ON DELETE CASCADE removed his books");
    assertEquals(2, library.deleteAllBooks());
    assertEquals(0L, books.count());
  }

  @Test
  void updateReturningReadsTheChangedRow() {
    Book renamed = library.retitle(alpha.id(), "Alpha II").orElseThrow();
    assertEquals(new Book(alpha.id(), ann.id(), "Alpha II", alpha.price(), 2001, 0), renamed);
    assertEquals(renamed, books.findById(alpha.id()).orElseThrow());
    assertTrue(library.retitle(999, "none").isEmpty());
  }
}
