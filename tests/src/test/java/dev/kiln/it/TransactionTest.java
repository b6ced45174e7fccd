package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code transaction(…)}: thread-bound, joined by repositories, savepoints, rollback. */
@Tag("engines")
class TransactionTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    authors = new AuthorRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void commitsEverythingTheWorkDid() {
    long id = db.transaction(() -> {
      Author ann = authors.insert(RepositoryTest.author("Ann"));
      authors.insert(RepositoryTest.author("Bob"));
      authors.update(ann.withName("Anne"));
      return ann.id();
    });
    assertEquals(2, authors.count());
    assertEquals("Anne", authors.findById(id).orElseThrow().name());
  }

  @Test
  void anExceptionRollsBackAndIsRethrownUnchanged() {
    IllegalStateException failure = new IllegalStateException("stop");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> db.transaction(() -> {
          authors.insert(RepositoryTest.author("Ann"));
          throw failure;
        }));
    assertSame(failure, thrown);
    assertEquals(0, authors.count());
  }

  @Test
  void nestedCallsAreSavepoints() {
    db.transaction(() -> {
      authors.insert(RepositoryTest.author("Outer"));
      assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
        authors.insert(RepositoryTest.author("Inner"));
        throw new IllegalStateException("inner fails");
      }));
      db.transaction(() -> authors.insert(RepositoryTest.author("Kept")));
    });
    assertEquals(List.of("Outer", "Kept"), authors.findAll().stream().map(Author::name).toList());
  }

  @Test
  void readsInsideATransactionSeeItsOwnWrites() {
    db.transaction(() -> {
      Author ann = authors.insert(RepositoryTest.author("Ann"));
      assertEquals(1, authors.count());
      assertTrue(authors.findById(ann.id()).isPresent());
    });
  }

  @Test
  void otherThreadsDoNotSeeUncommittedWrites() throws Exception {
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    AtomicLong seenByOther = new AtomicLong(-1);
    Thread other = new Thread(() -> {
      try {
        inserted.await(10, TimeUnit.SECONDS);
        seenByOther.set(authors.count());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        checked.countDown();
      }
    });
    other.start();
    db.transaction(() -> {
      authors.insert(RepositoryTest.author("Ann"));
      inserted.countDown();
      try {
        checked.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    other.join();
    assertEquals(0, seenByOther.get(), "a reader saw an uncommitted row");
    assertEquals(1, authors.count());
  }

  @Test
  void readTransactionSeesOneSnapshotAndRefusesWrites() throws Exception {
    authors.insert(RepositoryTest.author("Ann"));
    long[] counts = db.readTransaction(() -> {
      long before = authors.count();
      Thread writer = new Thread(() -> authors.insert(RepositoryTest.author("Bob")));
      writer.start();
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new long[] {before, authors.count()};
    });
    assertEquals(1, counts[0]);
    assertEquals(1, counts[1], "the second read left the snapshot");
    assertEquals(2, authors.count());
    KilnException refused = assertThrows(KilnException.class,
        () -> db.readTransaction(() -> authors.insert(RepositoryTest.author("Carl"))));
    assertTrue(refused.getMessage().contains("transaction("), refused.getMessage());
  }

  @Test
  void commitAndRollbackAreCounted() {
    long commits = db.stats().commits();
    long rollbacks = db.stats().rollbacks();
    db.transaction(() -> authors.insert(RepositoryTest.author("Ann")));
    assertThrows(RuntimeException.class, () -> db.transaction(() -> {
      throw new RuntimeException("no");
    }));
    assertEquals(commits + 1, db.stats().commits());
    assertEquals(rollbacks + 1, db.stats().rollbacks());
  }
}
