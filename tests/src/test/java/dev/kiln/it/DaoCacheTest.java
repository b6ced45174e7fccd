package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.dao.LibraryQueries;
import dev.kiln.it.dao.LibraryQueries_Impl;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through {@code @Dao} methods keep the entity cache true: an {@code @Sql} write or a
 * derived {@code deleteBy…}, whose rows Kiln cannot know, evicts the cached entities of every table
 * the statement can change, including tables a foreign key cascades to; a write rolled back with
 * its transaction leaves the cache as it was, and a committed one evicts once it has committed, so
 * that a concurrent read of the old row cannot put it back before the commit.
 *
 * <p>Each test first makes {@code findById} a cache hit, so that a missing eviction shows as a
 * stale entity.
 */
@Tag("engines")
class DaoCacheTest {

  @TempDir Path dir;
  Database db;
  LibraryQueries library;
  AuthorRepository authors;
  BookRepository books;
  Author ann;
  Book alpha;
  Book beta;

  @BeforeEach
  void open() {
    db = TestDatabase.open(Database.builder(dir.resolve("cache.db"))
        .entityCache(1_000, Duration.ofMinutes(5)));
    library = new LibraryQueries_Impl(db);
    authors = new AuthorRepository(db);
    books = new BookRepository(db);
    ann = authors.insert(DaoSqlQueryTest.author("Ann", null));
    alpha = books.insert(new Book(0, ann.id(), "Alpha", new BigDecimal("12.50"), 2001, 0));
    beta = books.insert(new Book(0, ann.id(), "Beta", new BigDecimal("9.99"), null, 0));
    cache(ann, alpha, beta);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Loads each entity by id twice and checks that the second load was a cache hit. */
  private void cache(Object... entities) {
    for (Object entity : entities) {
      long hits = db.stats().cacheHits();
      if (entity instanceof Author a) {
        authors.findById(a.id());
        assertEquals(a, authors.findById(a.id()).orElseThrow());
      } else {
        Book b = (Book) entity;
        books.findById(b.id());
        assertEquals(b, books.findById(b.id()).orElseThrow());
      }
      assertEquals(hits + 1, db.stats().cacheHits(), "not cached: " + entity);
    }
  }

  @Test
  void anSqlUpdateEvictsTheRowsItMayHaveChanged() {
    library.reprice(ann.id(), new BigDecimal("20.00"));
    Book repriced = books.findById(alpha.id()).orElseThrow();
    assertEquals(new BigDecimal("20.00"), repriced.price());
    assertEquals(1L, repriced.version());
    library.renameAuthor(ann.id(), "Anne");
    assertEquals("Anne", authors.findById(ann.id()).orElseThrow().name());
  }

  @Test
  void anUpdateReturningEvicts() {
    library.retitle(alpha.id(), "Alpha II");
    assertEquals("Alpha II", books.findById(alpha.id()).orElseThrow().title());
  }

  @Test
  void anSqlDeleteEvicts() {
    library.deleteBooksOf(ann.id());
    assertTrue(books.findById(alpha.id()).isEmpty());
    assertTrue(books.findById(beta.id()).isEmpty());
  }

  @Test
  void anSqlDeleteOfEveryRowEvicts() {
    assertEquals(2, library.deleteAllBooks());
    assertTrue(books.findById(alpha.id()).isEmpty(), "a stale book came from the cache");
    assertTrue(books.findById(beta.id()).isEmpty());
  }

  @Test
  void aDerivedDeleteEvicts() {
    assertEquals(2, library.deleteByAuthorId(ann.id()));
    assertTrue(books.findById(alpha.id()).isEmpty());
    assertTrue(books.findById(beta.id()).isEmpty());
  }

  @Test
  void anSqlDeleteEvictsWhatItsForeignKeysCascadeTo() {
    assertEquals(1, library.deleteAuthor(ann.id()));
    assertTrue(authors.findById(ann.id()).isEmpty());
    assertTrue(books.findById(alpha.id()).isEmpty(), "the cascade deleted the book");
    assertTrue(books.findById(beta.id()).isEmpty());
  }

  @Test
  void aDerivedDeleteEvictsWhatItsForeignKeysCascadeTo() {
    assertEquals(1L, library.deleteAuthorsByEmail(ann.email()));
    assertTrue(authors.findById(ann.id()).isEmpty());
    assertTrue(books.findById(alpha.id()).isEmpty(), "the cascade deleted the book");
  }

  @Test
  void aRolledBackWriteLeavesTheCacheTrue() {
    assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
      library.reprice(ann.id(), new BigDecimal("20.00"));
      // inside, the cache is bypassed: the transaction sees its own writes, and what it reads
      // does not reach the cache
      assertEquals(new BigDecimal("20.00"), books.findById(beta.id()).orElseThrow().price());
      library.deleteAuthor(ann.id());
      assertTrue(books.findById(alpha.id()).isEmpty());
      throw new IllegalStateException("roll back");
    }));
    long hits = db.stats().cacheHits();
    assertEquals(alpha, books.findById(alpha.id()).orElseThrow());
    assertEquals(beta, books.findById(beta.id()).orElseThrow());
    assertEquals(ann, authors.findById(ann.id()).orElseThrow());
    assertEquals(hits + 3, db.stats().cacheHits(), "nothing was evicted for a rolled-back write");
    assertEquals(alpha.price(), library.price(alpha.id()), "the database agrees");
    assertEquals(2L, library.bookCount(ann.id()));
  }

  @Test
  void aReadDuringTheTransactionCannotCacheTheOldRowPastTheCommit() throws Exception {
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      db.transaction(() -> {
        library.reprice(ann.id(), new BigDecimal("20.00"));
        // Another thread, outside the transaction, reads the committed row and may cache it.
        Book seen = join(other.submit(() -> books.findById(alpha.id()).orElseThrow()));
        assertEquals(alpha.price(), seen.price());
      });
    } finally {
      other.shutdown();
    }
    // Had the write evicted before its commit, that read would have cached the old price.
    assertEquals(new BigDecimal("20.00"), books.findById(alpha.id()).orElseThrow().price());
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCommittedTransactionEvictsOnceCommitted() {
    db.transaction(() -> {
      library.reprice(ann.id(), new BigDecimal("20.00"));
      assertEquals(new BigDecimal("20.00"), books.findById(alpha.id()).orElseThrow().price());
      library.deleteByAuthorId(-1);
    });
    assertEquals(new BigDecimal("20.00"), books.findById(alpha.id()).orElseThrow().price());
    assertEquals(new BigDecimal("20.00"), books.findById(beta.id()).orElseThrow().price());
  }
}
