package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.OptimisticLockException;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Author_;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import dev.kiln.it.model.Book_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed update and delete by condition: one statement, the count of rows changed, exact decimal
 * arithmetic, {@code @Version} incremented, values checked before SQL, no accidental
 * every-row change, and the entity cache evicted — for the table and for those its foreign keys
 * cascade to.
 */
@Tag("engines")
class BulkWritesTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;
  BookRepository books;
  Author ann;
  Author bob;

  @BeforeEach
  void open() {
    db = TestDatabase.open(TestDatabase.builder(dir).entityCache(1_000, Duration.ofMinutes(5)));
    authors = new AuthorRepository(db);
    books = new BookRepository(db);
    ann = authors.insert(RepositoryTest.author("Ann"));
    bob = authors.insert(RepositoryTest.author("Bob"));
    books.insertAll(List.of(
        new Book(0, ann.id(), "Alpha", new BigDecimal("10.00"), 2001, 0),
        new Book(0, ann.id(), "Beta", new BigDecimal("9.99"), null, 0),
        new Book(0, bob.id(), "Gamma", new BigDecimal("20.00"), 2010, 0)));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void raisingOneAuthorsPricesByTenPercentIsExactAndBumpsTheVersion() {
    Book alpha = book("Alpha"); // cached now, and a copy to go stale
    long before = db.stats().statementsExecuted();
    long changed = books.query().where(Book_.AUTHOR_ID.eq(ann.id()))
        .update(Book_.PRICE.multiply(new BigDecimal("1.10")));
    assertEquals(1, db.stats().statementsExecuted() - before, "one UPDATE");
    assertEquals(2, changed);
    Book raised = book("Alpha");
    assertEquals(new BigDecimal("11.0000"), raised.price(), "10.00 × 1.10, exactly");
    assertEquals(new BigDecimal("10.9890"), book("Beta").price());
    assertEquals(new BigDecimal("20.00"), book("Gamma").price(), "another author's book");
    assertEquals(alpha.version() + 1, raised.version());
    assertThrows(OptimisticLockException.class, () -> books.update(alpha),
        "a copy read before the bulk update is stale");
  }

  @Test
  void severalAssignmentsOnAnyCondition() {
    long changed = books.query()
        .where(Book_.AUTHOR_ID.eq(bob.id()).or(Book_.PUBLISHED.isNull()))
        .update(Book_.PUBLISHED.add(1), Book_.TITLE.set("Renamed"),
            Book_.PRICE.add(new BigDecimal("0.01")));
    assertEquals(2, changed);
    Book gamma = books.findById(idOf("Renamed", bob)).orElseThrow();
    assertEquals(2011, gamma.published());
    assertEquals(new BigDecimal("20.01"), gamma.price());
    Book beta = books.query().where(Book_.AUTHOR_ID.eq(ann.id()).and(Book_.TITLE.eq("Renamed")))
        .first().orElseThrow();
    assertNull(beta.published(), "NULL + 1 is NULL");
    assertEquals(1, books.query().where(Book_.TITLE.eq("Alpha")).count());

    assertEquals(1, books.query().where(Book_.TITLE.eq("Alpha")).update(Book_.PUBLISHED.setNull()));
    assertNull(book("Alpha").published());
  }

  @Test
  void everyRowMustBeSaidAndWhatAnUpdateIgnoresIsRefused() {
    KilnException none = assertThrows(KilnException.class,
        () -> books.query().update(Book_.TITLE.set("x")));
    assertTrue(none.getMessage().contains("has no where(…)"), none.getMessage());
    assertThrows(KilnException.class, () -> books.query().delete());
    KilnException limited = assertThrows(KilnException.class,
        () -> books.query().where(Book_.AUTHOR_ID.eq(ann.id())).limit(1).delete());
    assertTrue(limited.getMessage().contains("remove orderBy, limit"), limited.getMessage());
    KilnException version = assertThrows(KilnException.class,
        () -> books.query().everyRow().update(Book_.VERSION.set(7L)));
    assertTrue(version.getMessage().contains("Book.version"), version.getMessage());
    assertEquals(3, books.query().everyRow().update(Book_.TITLE.set("Same")));
    assertEquals(3, books.query().where(Book_.TITLE.eq("Same")).count());
  }

  @Test
  void aValueKilnCannotStoreIsRefusedBeforeAnySqlRuns() {
    long before = db.stats().statementsExecuted();
    KilnException e = assertThrows(KilnException.class, () -> authors.query()
        .where(Author_.NAME.eq("Ann")).update(Author_.CREATED_AT.set(Instant.MAX)));
    assertTrue(e.getMessage().startsWith("Author.createdAt cannot be stored"), e.getMessage());
    assertEquals(before, db.stats().statementsExecuted());
    assertEquals(ann, authors.findById(ann.id()).orElseThrow());
  }

  @Test
  void deleteByConditionCascadesAndEvictsWhatTheCascadeRemoved() {
    Book gamma = book("Gamma"); // cached
    assertEquals(gamma, books.findById(gamma.id()).orElseThrow());
    assertEquals(1, authors.query().where(Author_.NAME.eq("Bob")).delete());
    assertTrue(books.findById(gamma.id()).isEmpty(), "the cascade deleted the cached book");
    assertEquals(2, books.count());
    assertEquals(2, books.query().where(Book_.PRICE.lt(new BigDecimal("100"))).delete());
    assertEquals(0, books.count());
  }

  @Test
  void aRepositoryDeleteAlsoEvictsWhatItsCascadeRemoved() {
    Book alpha = book("Alpha");
    assertEquals(alpha, books.findById(alpha.id()).orElseThrow()); // cached
    assertTrue(authors.delete(ann));
    assertTrue(books.findById(alpha.id()).isEmpty(), "the cascade deleted the cached book");
  }

  @Test
  void aRolledBackUpdateChangesNothingAndAfterCommitTheCacheIsFresh() {
    Book alpha = book("Alpha");
    assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
      books.query().where(Book_.TITLE.eq("Alpha")).update(Book_.TITLE.set("Changed"));
      throw new IllegalStateException("abandon");
    }));
    assertEquals(alpha, books.findById(alpha.id()).orElseThrow());
    db.transaction(() ->
        books.query().where(Book_.TITLE.eq("Alpha")).update(Book_.TITLE.set("Changed")));
    assertEquals("Changed", books.findById(alpha.id()).orElseThrow().title());
  }

  private Book book(String title) {
    long id = books.query().where(Book_.TITLE.eq(title)).first().orElseThrow().id();
    return books.findById(id).orElseThrow();
  }

  private long idOf(String title, Author author) {
    return books.query().where(Book_.TITLE.eq(title).and(Book_.AUTHOR_ID.eq(author.id())))
        .first().orElseThrow().id();
  }
}
