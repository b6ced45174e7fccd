package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.StatementStats;
import dev.kiln.it.dao.CachedQueries;
import dev.kiln.it.dao.CachedQueries.AuthorBooks;
import dev.kiln.it.dao.CachedQueries_Impl;
import dev.kiln.it.dao.LibraryQueries;
import dev.kiln.it.dao.LibraryQueries_Impl;
import dev.kiln.it.fetchclasses.Composer;
import dev.kiln.it.fetchclasses.ComposerRepository;
import dev.kiln.it.fetchclasses.Composer_;
import dev.kiln.it.fetchclasses.Piece;
import dev.kiln.it.fetchclasses.PieceRepository;
import dev.kiln.it.fetchclasses.Piece_;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import dev.kiln.it.model.Book_;
import dev.kiln.it.model.Customer;
import dev.kiln.it.model.CustomerRepository;
import dev.kiln.it.model.Money;
import dev.kiln.migrations.PostgresServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query cache: a hit runs no statement; every write through Kiln to a table a cached
 * statement reads — repository, typed update and delete, {@code @Dao} write, cascade — drops it
 * once it commits, and a rolled-back one drops nothing; a transaction reads its own writes;
 * results handed out cannot be changed for the next caller; and a read racing a commit never
 * leaves a stale result behind.
 */
@Tag("engines")
class QueryCacheTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;
  BookRepository books;
  CachedQueries cached;
  Author ann;
  Author bob;
  String url;

  @BeforeEach
  void open() {
    url = TestDatabase.newUrl(dir);
    db = TestDatabase.open(Database.builder(url).queryCache(1_000, Duration.ofMinutes(5)));
    authors = new AuthorRepository(db);
    books = new BookRepository(db);
    cached = new CachedQueries_Impl(db);
    ann = authors.insert(RepositoryTest.author("Ann"));
    bob = authors.insert(RepositoryTest.author("Bob"));
    books.insert(book(ann, "First", "12.50"));
    books.insert(book(bob, "Second", "8.00"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Book book(Author author, String title, String price) {
    return new Book(0, author.id(), title, new BigDecimal(price), 2001, 0);
  }

  /** What {@code read} returns, and how many statements it ran. */
  private <T> T counted(long statements, Supplier<T> read) {
    long before = db.stats().statementsExecuted();
    T value = read.get();
    assertEquals(statements, db.stats().statementsExecuted() - before, "statements run");
    return value;
  }

  private List<Book> cheapBooks() {
    return books.query().where(Book_.PRICE.lt(new BigDecimal("10"))).cached().list();
  }

  @Test
  void aTypedQueryIsAnsweredFromTheCacheUntilItsTableIsWritten() {
    List<Book> first = counted(1, this::cheapBooks);
    long hits = db.stats().queryCacheHits();
    assertEquals(first, counted(0, this::cheapBooks));
    assertEquals(hits + 1, db.stats().queryCacheHits());
    // A count is another statement, so another entry.
    assertEquals(1, counted(1, () -> books.query().where(Book_.PRICE.lt(new BigDecimal("10")))
        .cached().count()));
    assertEquals(1, counted(0, () -> books.query().where(Book_.PRICE.lt(new BigDecimal("10")))
        .cached().count()));
    // Other bound values are another entry.
    assertEquals(2, counted(1, () -> books.query().where(Book_.PRICE.lt(new BigDecimal("100")))
        .cached().list()).size());

    books.insert(book(ann, "Third", "5.00"));
    assertEquals(2, counted(1, this::cheapBooks).size(), "the insert dropped the entry");
    assertEquals(2, counted(0, this::cheapBooks).size());
  }

  @Test
  void typedUpdatesDeletesAndDaoWritesDropTheEntry() {
    LibraryQueries library = new LibraryQueries_Impl(db);
    cheapBooks();
    books.query().where(Book_.AUTHOR_ID.eq(ann.id())).update(Book_.PRICE.set(new BigDecimal("1")));
    assertEquals(2, counted(1, this::cheapBooks).size());
    library.reprice(bob.id(), new BigDecimal("50"));
    assertEquals(List.of("First"), counted(1, this::cheapBooks).stream().map(Book::title)
        .toList());
    books.query().where(Book_.TITLE.eq("First")).delete();
    assertEquals(List.of(), counted(1, this::cheapBooks));
  }

  @Test
  void aDeleteCascadingToACachedTableDropsIt() {
    assertEquals(1, counted(1, () -> cached.findByAuthorId(ann.id())).size());
    authors.deleteById(ann.id()); // ON DELETE CASCADE removes Ann's books
    assertEquals(List.of(), counted(1, () -> cached.findByAuthorId(ann.id())));
  }

  @Test
  void aDaoStatementIsDroppedByWritesToEveryTableItReads() {
    List<AuthorBooks> counts = List.of(new AuthorBooks("Ann", 1), new AuthorBooks("Bob", 1));
    assertEquals(counts, counted(1, cached::bookCounts));
    assertEquals(counts, counted(0, cached::bookCounts));
    authors.update(ann.withName("Anna")); // the joined table
    assertEquals("Anna", counted(1, cached::bookCounts).get(0).name());
    books.insert(book(bob, "Third", "20.00")); // the grouped table
    assertEquals(2, counted(1, cached::bookCounts).get(1).books());

    assertEquals(List.of("Anna", "Bob"), counted(1, cached::authorsOfDearBooks));
    books.query().where(Book_.AUTHOR_ID.eq(bob.id())).delete(); // read only in the subquery
    assertEquals(List.of("Anna"), counted(1, cached::authorsOfDearBooks));
  }

  @Test
  void argumentsAreTheKeyAndCollectionsAreCopied() {
    List<Long> ids = new ArrayList<>(List.of(ann.id()));
    assertEquals(1, counted(1, () -> cached.countOf(ids)));
    ids.add(bob.id()); // changing the caller's list afterwards changes no entry
    assertEquals(2, counted(1, () -> cached.countOf(ids)));
    assertEquals(1, counted(0, () -> cached.countOf(List.of(ann.id()))));
    assertEquals(Optional.of(2001), cached.published(books.findAll().get(0).id()));
  }

  @Test
  void hitsAndMissesAreCountedPerStatement() {
    cached.findByAuthorId(ann.id());
    cached.findByAuthorId(ann.id());
    cached.findByAuthorId(ann.id());
    StatementStats stats = db.stats().statements().stream()
        .filter(s -> s.name().equals("CachedQueries.findByAuthorId")).findFirst().orElseThrow();
    assertEquals(1, stats.count());
    assertEquals(1, stats.cacheMisses());
    assertEquals(2, stats.cacheHits());
    assertEquals(1, stats.rows(), "the one read returned Ann's one book");
  }

  @Test
  void aRolledBackWriteDropsNothing() {
    cheapBooks();
    assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
      books.insert(book(ann, "Cheap", "1.00"));
      throw new IllegalStateException("roll back");
    }));
    assertEquals(1, counted(0, this::cheapBooks).size());
  }

  @Test
  void aTransactionReadsItsOwnWritesAndDropsTheEntryWhenItCommits() {
    cheapBooks();
    db.transaction(() -> {
      books.insert(book(ann, "Cheap", "1.00"));
      assertEquals(2, counted(1, this::cheapBooks).size(), "not the cached result");
      // Another thread still gets the committed result, from the cache.
      assertEquals(1, inOtherThread(this::cheapBooks).size());
      // A savepoint rolled back inside a committed transaction: its write is gone anyway.
      assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
        books.insert(book(bob, "Cheaper", "0.50"));
        throw new IllegalStateException("roll back the savepoint");
      }));
    });
    assertEquals(List.of("Cheap", "Second"), counted(1, this::cheapBooks).stream()
        .map(Book::title).sorted().toList());
  }

  @Test
  void aCallerCannotChangeWhatTheNextOneReceives() {
    CustomerRepository customers = new CustomerRepository(db);
    customers.insert(new Customer(0, "Ann", new Money(100, "EUR"), null));
    List<Customer> mine = cached.customers();
    mine.get(0).setDisplayName("changed by one caller");
    mine.clear();
    List<Customer> next = counted(0, cached::customers);
    assertEquals(1, next.size());
    assertEquals("unset", next.get(0).getDisplayName());
    assertNotSame(next, cached.customers());

    List<Customer> typed = customers.query().cached().list();
    typed.get(0).setDisplayName("changed");
    assertEquals("unset", counted(0, () -> customers.query().cached().list()).get(0)
        .getDisplayName());
  }

  @Test
  void relationConditionsAndFetchPlansAreDroppedByWritesToTheRelatedTable() {
    ComposerRepository composers = new ComposerRepository(db);
    PieceRepository pieces = new PieceRepository(db);
    composers.insert(new Composer(1, "Bach"));
    composers.insert(new Composer(2, "Satie"));
    pieces.insert(Piece.of(10, 1, "Goldberg"));
    Supplier<List<String>> withPieces = () -> composers.query()
        .where(Composer_.PIECES.any(Piece_.TITLE.startsWith("G"))).cached().list().stream()
        .map(Composer::getName).toList();
    Supplier<List<Composer>> fetched = () -> composers.query().fetch(Composer_.PIECES)
        .cached().list();
    assertEquals(List.of("Bach"), counted(1, withPieces));
    assertEquals(1, counted(2, fetched).get(0).getPieces().size());
    assertEquals(List.of("Bach"), counted(0, withPieces));
    assertEquals(1, counted(0, fetched).get(0).getPieces().size());

    pieces.insert(Piece.of(11, 2, "Gymnopédie"));
    assertEquals(List.of("Bach", "Satie"), counted(1, withPieces));
    assertEquals(1, counted(2, fetched).get(1).getPieces().size());
  }

  @Test
  void writesKilnCannotSeeAreDroppedByInvalidate() throws Exception {
    cheapBooks();
    assertEquals(List.of(), cached.authorsOfDearBooks().stream().filter("Zed"::equals).toList());
    outsideKiln("UPDATE book SET price = 1");
    assertEquals(1, counted(0, this::cheapBooks).size(), "Kiln did not see the write");
    db.invalidate(Book.class);
    assertEquals(2, counted(1, this::cheapBooks).size());

    outsideKiln("UPDATE author SET name = 'Zed'");
    db.invalidateAll();
    assertEquals(List.of(), counted(1, cached::authorsOfDearBooks), "nothing over 10 now");
    assertThrows(KilnException.class, () -> db.invalidate(String.class));
  }

  @Test
  void anEntryLivesNoLongerThanItsTimeToLive() throws Exception {
    db.close();
    url = TestDatabase.newUrl(dir);
    db = TestDatabase.open(Database.builder(url).queryCache(100, Duration.ofMillis(300)));
    books = new BookRepository(db);
    authors = new AuthorRepository(db);
    ann = authors.insert(RepositoryTest.author("Ann"));
    books.insert(book(ann, "Cheap", "1.00"));
    assertEquals(1, cheapBooks().size());
    outsideKiln("DELETE FROM book");
    assertEquals(1, cheapBooks().size());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cheapBooks().isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "the entry outlived its time to live");
      Thread.sleep(50);
    }
  }

  @Test
  void withoutAQueryCacheCachedQueriesSimplyRun() {
    db.close();
    db = TestDatabase.open(Database.builder(TestDatabase.newUrl(dir)));
    books = new BookRepository(db);
    cached = new CachedQueries_Impl(db);
    cheapBooks();
    counted(1, this::cheapBooks);
    counted(1, () -> cached.findByAuthorId(1));
    assertEquals(0, db.stats().queryCacheHits() + db.stats().queryCacheMisses());
  }

  /**
   * Many readers of a cached value while a writer changes it: once a write has committed, no
   * read that starts afterwards returns the value from before it — a read that began before the
   * commit and finished after it cannot put the old value back.
   */
  @Test
  void aReadRacingACommitNeverLeavesAStaleResult() throws Exception {
    long id = books.findAll().get(0).id();
    int writes = 300;
    // Published years 2001 + 1 … 2001 + 300, read back as 1 … 300.
    String stale = StaleReadRace.run(writes, () -> cached.published(id).orElseThrow() - 2001,
        i -> books.query().where(Book_.ID.eq(id)).update(Book_.PUBLISHED.set(2001 + i)));
    assertEquals(null, stale);
    assertEquals(Optional.of(2001 + writes), cached.published(id));
    assertTrue(db.stats().queryCacheHits() > 0, "the readers were answered from the cache");
    assertTrue(db.stats().queryCacheMisses() > 1, "writes dropped the entry");
  }

  private <T> T inOtherThread(Supplier<T> work) {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      return other.submit(work::get).get(1, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      other.shutdownNow();
    }
  }

  /** Runs {@code sql} on a connection of its own, as another process would. */
  private void outsideKiln(String sql) throws Exception {
    try (Connection c = TestDatabase.postgres() ? PostgresServer.connect(url)
            : DriverManager.getConnection(url);
        Statement st = c.createStatement()) {
      st.executeUpdate(sql);
    }
  }
}
