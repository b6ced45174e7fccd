package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.SlowQuery;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import dev.kiln.it.model.Book_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slow-query log: statements over the threshold with the engine's plan, read once per
 * statement, and the {@code @Index} that would serve a statement that reads a table in full —
 * for a typed query, which the build never sees; critical ones marked; the log bounded.
 */
@Tag("engines")
class SlowQueryLogTest {

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  /** A database where every statement is slow (1 ns), and those of 1 hour critical. */
  private void open(Duration critical) {
    db = TestDatabase.open(TestDatabase.builder(dir).slowQueryThreshold(Duration.ofNanos(1))
        .criticalQueryThreshold(critical));
    Author ann = new AuthorRepository(db).insert(RepositoryTest.author("Ann"));
    new BookRepository(db).insert(new Book(0, ann.id(), "First", BigDecimal.ONE, 2001, 0));
  }

  /** The first entry that {@code matches}, once its plan has been read. */
  private SlowQuery awaitEntry(Predicate<SlowQuery> matches) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Optional<SlowQuery> found = db.slowQueryLog().stream().filter(matches).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such entry in " + db.slowQueryLog());
  }

  @Test
  void aTypedQueryThatReadsATableInFullIsLoggedWithItsPlanAndTheIndexToAdd() throws Exception {
    open(Duration.ofHours(1));
    BookRepository books = new BookRepository(db);
    assertEquals(0, books.query().where(Book_.TITLE.eq("Missing")).count());

    SlowQuery slow = awaitEntry(q -> q.sql().contains("count(*)") && q.sql().contains("title"));
    assertEquals("book query", slow.name());
    assertFalse(slow.critical());
    assertTrue(slow.duration().toNanos() > 0);
    String plan = String.join("\n", slow.plan());
    assertTrue(plan.contains(TestDatabase.postgres() ? "Seq Scan on book" : "SCAN book"), plan);
    assertEquals(1, slow.advice().size(), slow.advice().toString());
    assertTrue(slow.advice().get(0).endsWith("add @Index(columns = \"title\") to Book"),
        slow.advice().get(0));
  }

  @Test
  void aStatementAnIndexServesHasItsPlanAndNoAdvice() throws Exception {
    open(Duration.ofHours(1));
    AuthorRepository authors = new AuthorRepository(db);
    long id = authors.findAll().get(0).id();
    authors.findById(id);
    SlowQuery find = awaitEntry(q -> q.name().equals("AuthorRepository.findById"));
    assertFalse(find.plan().isEmpty());
    assertEquals(List.of(), find.advice(), String.join("\n", find.plan()));
  }

  @Test
  void aStatementOverTheCriticalThresholdIsMarkedCritical() throws Exception {
    open(Duration.ofNanos(1));
    new AuthorRepository(db).count();
    assertTrue(awaitEntry(q -> q.sql().contains("count(*)")).critical());
  }

  @Test
  void theLogKeepsTheMostRecentHundred() throws Exception {
    open(Duration.ofHours(1));
    AuthorRepository authors = new AuthorRepository(db);
    for (int i = 0; i < 150; i++) {
      authors.existsById(i);
    }
    authors.count();
    awaitEntry(q -> q.name().equals("AuthorRepository.count"));
    assertEquals(100, db.slowQueryLog().size());
    assertTrue(db.stats().slowQueries() >= 151);
  }

  @Test
  void fastStatementsAreNotLogged() {
    db = TestDatabase.open(TestDatabase.builder(dir).slowQueryThreshold(Duration.ofHours(1)));
    new AuthorRepository(db).count();
    assertEquals(List.of(), db.slowQueryLog());
    assertEquals(0, db.stats().slowQueries());
  }
}
