package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.Profile;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles (their defaults applied, explicit settings winning), {@code Database.inMemory()}
 * shared by many threads, and {@code close()} under load: it lets running work finish, and every
 * call after it fails with a message that says the database is closed.
 */
class ProfilesAndLifecycleTest {

  @TempDir Path dir;

  @Test
  void productionIsTheDefault() {
    try (Database db = TestDatabase.open(Database.builder(dir.resolve("a.db")))) {
      assertEquals("1", db.pragmas().get("synchronous")); // NORMAL
      assertEquals("-16000", db.pragmas().get("cache_size"));
    }
  }

  @Test
  void aProfileSetsItsDefaultsAndExplicitSettingsWin() {
    try (Database db = TestDatabase.open(Database.builder(dir.resolve("b.db"))
        .profile(Profile.TEST))) {
      assertEquals("0", db.pragmas().get("synchronous")); // OFF
      assertEquals("-2000", db.pragmas().get("cache_size"));
      assertEquals(3, db.pool().maximum(), "two readers and the writer");
      new AuthorRepository(db).count();
      assertEquals(0, db.stats().slowQueries(), "slow from 1 s");
    }
    try (Database db = TestDatabase.open(Database.builder(dir.resolve("c.db"))
        .pragma("synchronous", "FULL").readPoolSize(5).slowQueryThreshold(Duration.ofNanos(1))
        .profile(Profile.TEST))) {
      assertEquals("2", db.pragmas().get("synchronous")); // FULL, as set
      assertEquals("-2000", db.pragmas().get("cache_size")); // the profile's
      assertEquals(6, db.pool().maximum());
      new AuthorRepository(db).count();
      assertTrue(db.stats().slowQueries() > 0, "the explicit threshold");
    }
  }

  @Test
  void anInMemoryDatabaseServesManyThreads() throws Exception {
    try (Database db = Database.inMemory()) {
      AuthorRepository authors = new AuthorRepository(db);
      Author ann = authors.insert(RepositoryTest.author("Ann"));
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int n = t;
          work.add(pool.submit(() -> {
            for (int i = 0; i < 100; i++) {
              assertEquals(ann, authors.findById(ann.id()).orElseThrow());
              if (i % 10 == 0) {
                authors.insert(RepositoryTest.author("Writer " + n + "." + i));
              }
            }
          }));
        }
        for (Future<?> f : work) {
          f.get(1, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      assertEquals(1 + 8 * 10, authors.count());
    }
    try (Database other = Database.inMemory()) {
      assertEquals(0, new AuthorRepository(other).count(), "each one is private");
    }
  }

  @Test
  void closeLetsRunningWorkFinishAndThenRefusesWork() throws Exception {
    Database db = TestDatabase.open(Database.builder(dir.resolve("d.db")));
    AuthorRepository authors = new AuthorRepository(db);
    CountDownLatch inside = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> writer = pool.submit(() -> db.transaction(() -> {
        authors.insert(RepositoryTest.author("Ann"));
        inside.countDown();
        sleep(500);
        authors.insert(RepositoryTest.author("Bob"));
      }));
      assertTrue(inside.await(1, TimeUnit.MINUTES));
      db.close(); // waits for the transaction, which commits
      writer.get(1, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    KilnException closed = assertThrows(KilnException.class, authors::count);
    assertTrue(closed.getMessage().contains("is closed"), closed.getMessage());
    assertThrows(KilnException.class, () -> authors.insert(RepositoryTest.author("Cy")));
    try (Database again = Database.open(dir.resolve("d.db"))) {
      assertEquals(2, new AuthorRepository(again).count());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
