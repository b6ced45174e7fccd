package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.OptimisticLockException;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import dev.kiln.it.model.Book_;
import dev.kiln.it.model.Ticket;
import dev.kiln.it.model.TicketRepository;
import dev.kiln.it.model.Ticket_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimistic locking with {@code @Version}: {@code insert} stores the version it is given;
 * {@code update} and a conflicting {@code upsert} change the row only when the entity's version
 * is the stored one, bump it and return the entity with the new version; {@code update},
 * {@code upsert}, {@code delete} and {@code deleteAll} of a stale copy throw
 * {@link OptimisticLockException}, whose message names the entity, and leave the row as it was.
 * Checked on a record with a generated key and a {@code long} version ({@link Book}) and on a
 * class with a text key and an {@code int} version ({@link Ticket}). The entity cache is on, and
 * each check of what is stored reads both through it ({@code findById}) and past it (a query).
 */
@Tag("engines")
class OptimisticLockTest {

  @TempDir Path dir;
  Database db;
  BookRepository books;
  TicketRepository tickets;
  long authorId;

  @BeforeEach
  void open() {
    db = TestDatabase.open(Database.builder(dir.resolve("test.db"))
        .entityCache(100, Duration.ofMinutes(1)));
    books = new BookRepository(db);
    tickets = new TicketRepository(db);
    authorId = new AuthorRepository(db).insert(
        new Author(0, "Ann", "ann@example.org", Instant.EPOCH, null)).id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void updateAllAndDeleteAllRefuseAStaleVersionAndChangeNothing() {
    List<Book> stored = books.insertAll(List.of(book("A", 0), book("B", 0), book("C", 0)));
    List<Book> updated = books.updateAll(stored.stream().map(b -> withTitle(b, b.title() + "!"))
        .toList());
    updated.forEach(b -> assertEquals(1, b.version()));
    updated.forEach(this::assertStored);
    // one of them is a stale copy (version 0): nothing is updated, nothing deleted
    List<Book> stale = List.of(withTitle(updated.get(0), "x"), withTitle(stored.get(1), "y"));
    assertRefused("Book", () -> books.updateAll(stale));
    updated.forEach(this::assertStored);
    assertRefused("Book", () -> books.deleteAll(List.of(updated.get(0), stored.get(1))));
    updated.forEach(this::assertStored);
    assertEquals(3, books.deleteAll(updated));
  }

  private Book book(String title, long version) {
    return new Book(0, authorId, title, new BigDecimal("9.90"), null, version);
  }

  private static Book withTitle(Book b, String title) {
    return new Book(b.id(), b.authorId(), title, b.price(), b.published(), b.version());
  }

  /** {@code refusal} throws an OptimisticLockException naming {@code entity}. */
  private static void assertRefused(String entity, Executable refusal) {
    OptimisticLockException e = assertThrows(OptimisticLockException.class, refusal);
    assertTrue(e.getMessage().contains(entity), e.getMessage());
  }

  /** The row of {@code expected}'s key holds {@code expected}, in the cache and in the table. */
  private void assertStored(Book expected) {
    assertEquals(expected, books.findById(expected.id()).orElseThrow());
    assertEquals(expected, books.query().where(Book_.ID.eq(expected.id())).first().orElseThrow());
  }

  private void assertStored(Ticket expected) {
    assertEquals(expected, tickets.findById(expected.getCode()).orElseThrow());
    assertEquals(expected, tickets.query().where(Ticket_.CODE.eq(expected.getCode())).first()
        .orElseThrow());
  }

  @Test
  void insertStoresTheVersionGiven() {
    Book stored = books.insert(book("Zero", 0));
    assertEquals(0, stored.version());
    assertEquals(0, books.findById(stored.id()).orElseThrow().version());
    Book seven = books.insert(book("Seven", 7));
    assertEquals(7, seven.version());
    assertEquals(7, books.findById(seven.id()).orElseThrow().version());
    assertEquals(0, tickets.insert(new Ticket("T-1", "Leak", 0)).getRevision());
    assertEquals(0, tickets.findById("T-1").orElseThrow().getRevision());
  }

  @Test
  void updateBumpsTheVersionAndReturnsTheBumpedEntity() {
    Book stored = books.insert(book("Draft", 0));
    Book first = books.update(withTitle(stored, "First"));
    assertEquals(1, first.version());
    assertEquals("First", first.title());
    assertStored(first);
    Book second = books.update(withTitle(first, "Second"));
    assertEquals(2, second.version());
    assertStored(second);

    tickets.insert(new Ticket("T-1", "Leak", 0));
    Ticket edit = new Ticket("T-1", "Leak in kitchen", 0);
    Ticket updated = tickets.update(edit);
    assertEquals(new Ticket("T-1", "Leak in kitchen", 1), updated);
    assertNotSame(edit, updated);
    assertEquals(0, edit.getRevision(), "the caller's instance is left as it was");
    assertStored(updated);
  }

  @Test
  void updatingAStaleCopyIsRefusedAndChangesNothing() {
    Book stored = books.insert(book("Draft", 0));
    Book mine = books.findById(stored.id()).orElseThrow();
    Book theirs = books.findById(stored.id()).orElseThrow();
    Book current = books.update(withTitle(theirs, "Theirs"));

    assertRefused("Book", () -> books.update(withTitle(mine, "Mine")));
    assertStored(current);
    // the refusal is the same inside a transaction, which rolls back
    assertRefused("Book", () -> db.transaction(() -> {
      books.insert(book("Inside", 0));
      books.update(withTitle(mine, "Mine"));
    }));
    assertStored(current);
    assertEquals(1, books.count());

    // with the current version it goes through
    assertEquals(2, books.update(withTitle(current, "Mine after all")).version());

    tickets.insert(new Ticket("T-1", "Leak", 0));
    tickets.update(new Ticket("T-1", "Leak!", 0));
    assertRefused("Ticket", () -> tickets.update(new Ticket("T-1", "Stale", 0)));
    assertRefused("Ticket", () -> tickets.update(new Ticket("T-1", "Future", 5)));
    assertStored(new Ticket("T-1", "Leak!", 1));
  }

  @Test
  void updatingADeletedRowIsRefused() {
    Book stored = books.insert(book("Gone", 0));
    assertTrue(books.deleteById(stored.id()));
    assertRefused("Book", () -> books.update(stored));
    assertTrue(books.findById(stored.id()).isEmpty());
    assertEquals(0, books.count());
  }

  @Test
  void deletingAStaleCopyIsRefusedAndDeletesNothing() {
    Book stored = books.insert(book("Draft", 0));
    Book current = books.update(withTitle(stored, "Edited"));

    assertRefused("Book", () -> books.delete(stored));
    assertStored(current);

    Book other = books.insert(book("Other", 0));
    assertRefused("Book", () -> books.deleteAll(List.of(other, stored)));
    assertTrue(books.existsById(other.id()), "deleteAll is all or nothing");
    assertStored(current);

    assertTrue(books.delete(current));
    assertFalse(books.delete(current), "a row already gone is not a conflict");
    assertFalse(books.existsById(stored.id()));

    tickets.insert(new Ticket("T-1", "Leak", 0));
    Ticket fixed = tickets.update(new Ticket("T-1", "Leak", 0));
    assertRefused("Ticket", () -> tickets.delete(new Ticket("T-1", "Leak", 0)));
    assertStored(fixed);
    assertTrue(tickets.delete(fixed));
  }

  @Test
  void upsertChecksTheVersionOfAnExistingRow() {
    Book inserted = books.upsert(new Book(10, authorId, "New", BigDecimal.ONE, null, 0));
    assertEquals(0, inserted.version());
    assertStored(inserted);

    Book updated = books.upsert(withTitle(inserted, "Updated"));
    assertEquals(1, updated.version());
    assertEquals("Updated", updated.title());
    assertStored(updated);

    assertRefused("Book", () -> books.upsert(withTitle(inserted, "Stale")));
    assertStored(updated);
    assertEquals(1, books.count());

    Ticket ticket = tickets.upsert(new Ticket("T-1", "Leak", 0));
    assertEquals(0, ticket.getRevision());
    Ticket bumped = tickets.upsert(new Ticket("T-1", "Leak!", 0));
    assertEquals(new Ticket("T-1", "Leak!", 1), bumped);
    assertRefused("Ticket", () -> tickets.upsert(new Ticket("T-1", "Stale", 0)));
    assertStored(bumped);
  }

  @Test
  void upsertAllChecksEveryVersionAsBatchesAndIsAllOrNothing() {
    Book existing = books.insert(book("Old", 0));
    List<Book> stored = books.upsertAll(List.of(
        withTitle(existing, "Old!"),                                  // its row: version 0 → 1
        new Book(500, authorId, "Keyed", BigDecimal.ONE, null, 3),    // no row: inserted as given
        book("Generated", 0)));                                       // key left to the database
    assertEquals(1, stored.get(0).version());
    assertEquals("Old!", stored.get(0).title());
    assertEquals(3, stored.get(1).version());
    assertTrue(stored.get(2).id() > 0);
    stored.forEach(this::assertStored);

    // one stale copy among fresh ones and a new row: nothing changes
    assertRefused("Book", () -> books.upsertAll(List.of(withTitle(stored.get(1), "x"),
        withTitle(existing, "stale"), new Book(600, authorId, "New", BigDecimal.ONE, null, 0))));
    stored.forEach(this::assertStored);
    assertTrue(books.findById(600).isEmpty(), "the new row was rolled back with the rest");

    Ticket first = tickets.upsert(new Ticket("T-1", "Leak", 0));
    List<Ticket> both = tickets.upsertAll(List.of(first, new Ticket("T-2", "Drip", 0)));
    assertEquals(List.of(new Ticket("T-1", "Leak", 1), new Ticket("T-2", "Drip", 0)), both);
    both.forEach(this::assertStored);
  }

  @Test
  @Tag("sqlite")
  void upsertAllSendsTheRowsBeforeOneWhoseKeySqliteAssigns() {
    Book existing = books.insert(book("Old", 0));
    long next = existing.id() + 1;
    // the keyed row waits in the batch when the next is inserted: that one must not take its key
    List<Book> stored = books.upsertAll(List.of(
        new Book(next, authorId, "Keyed", BigDecimal.ONE, null, 0), book("Generated", 0)));
    assertEquals(List.of(next, next + 1), stored.stream().map(Book::id).toList());
    stored.forEach(this::assertStored);
  }

  @Test
  void upsertAllOfManyRowsIsAHandfulOfStatements() {
    List<Book> inserted = new java.util.ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      inserted.add(new Book(i + 1, authorId, "B" + i, BigDecimal.ONE, null, 0));
    }
    books.insertAll(inserted);
    List<Book> changed = inserted.stream().map(b -> withTitle(b, b.title() + "!")).toList();
    long before = db.stats().statementsExecuted();
    List<Book> stored = books.upsertAll(changed);
    long statements = db.stats().statementsExecuted() - before;
    // 5 reads of which keys exist (512 keys each), 3 batches (1,000 rows each)
    assertTrue(statements <= 8, statements + " statements");
    stored.forEach(b -> assertEquals(1, b.version()));
    assertEquals(2_500, books.query().where(Book_.VERSION.eq(1L)).count());
  }
}
