package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.BookRepository;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db.maintenance()} while the application works: every step runs under concurrent reads
 * and writes without an error and without holding a reader up; the checkpoint empties the log;
 * the integrity check finds what is broken; {@code maintenanceEvery} runs in the background.
 */
@Tag("engines")
class MaintenanceTest {

  @TempDir Path dir;
  Database db;

  @AfterEach
  void close() {
    if (db != null) {
      db.close();
    }
  }

  private Author seed(int books) {
    AuthorRepository authors = new AuthorRepository(db);
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    List<Book> list = new ArrayList<>();
    for (int i = 0; i < books; i++) {
      list.add(new Book(0, ann.id(), "Book " + i, new BigDecimal(i), 2000, 0));
    }
    new BookRepository(db).insertAll(list);
    return ann;
  }

  @Test
  void everyStepRunsUnderLoadWithoutHoldingReadersUp() throws Exception {
    db = TestDatabase.open(dir);
    Author ann = seed(2_000);
    BookRepository books = new BookRepository(db);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong slowestRead = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> load = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        load.add(pool.submit(() -> {
          while (running.get()) {
            long start = System.nanoTime();
            books.query().limit(50).list();
            slowestRead.accumulateAndGet(System.nanoTime() - start, Math::max);
          }
        }));
      }
      load.add(pool.submit(() -> {
        int i = 0;
        while (running.get()) {
          books.insert(new Book(0, ann.id(), "More " + i++, BigDecimal.ONE, 2001, 0));
        }
      }));
      for (int round = 0; round < 3; round++) {
        db.maintenance().optimize();
        db.maintenance().checkpoint();
        db.maintenance().vacuum();
        assertEquals(List.of(), db.maintenance().integrityCheck());
      }
      running.set(false);
      for (Future<?> f : load) {
        f.get(1, TimeUnit.MINUTES); // no reader or writer failed
      }
    } finally {
      running.set(false);
      pool.shutdownNow();
    }
    assertTrue(slowestRead.get() < TimeUnit.SECONDS.toNanos(5),
        "a read waited " + slowestRead.get() / 1_000_000 + " ms");
  }

  @Test
  void aCheckpointEmptiesTheLog() {
    Assumptions.assumeFalse(TestDatabase.postgres(), "PostgreSQL checkpoints on its own");
    db = TestDatabase.open(dir);
    seed(2_000);
    Path wal = dir.resolve("test.db-wal");
    assertTrue(wal.toFile().length() > 0);
    assertTrue(db.maintenance().checkpoint());
    assertEquals(0, wal.toFile().length());
  }

  @Test
  void theIntegrityCheckFindsABrokenForeignKey() throws Exception {
    Assumptions.assumeFalse(TestDatabase.postgres(), "PostgreSQL enforces foreign keys itself");
    db = TestDatabase.open(dir);
    seed(1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
        Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = OFF");
      st.executeUpdate("INSERT INTO book (author_id, title, price, published, version)"
          + " VALUES (999, 'Orphan', '1', NULL, 0)");
    }
    List<String> problems = db.maintenance().integrityCheck();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("of book refers to a missing row of author"),
        problems.get(0));
  }

  @Test
  void maintenanceEveryRunsInTheBackgroundUntilClose() throws Exception {
    Assumptions.assumeFalse(TestDatabase.postgres(), "the log it empties is SQLite's");
    db = TestDatabase.open(TestDatabase.builder(dir).maintenanceEvery(Duration.ofMillis(100)));
    seed(2_000);
    Path wal = dir.resolve("test.db-wal");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (wal.toFile().length() > 0) {
      assertTrue(System.nanoTime() < deadline, "no checkpoint ran");
      Thread.sleep(50);
    }
    db.close();
    db = null;
    assertFalse(Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("kiln-background") && t.isAlive()
            && !t.getState().equals(Thread.State.TERMINATED)), "close() stops the job");
    assertTrue(Files.exists(dir.resolve("test.db")));
  }
}
