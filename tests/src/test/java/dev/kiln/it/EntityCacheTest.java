package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Author_;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entity cache: hits, eviction on committed writes only, and its counters. */
@Tag("engines")
class EntityCacheTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;

  @BeforeEach
  void open() {
    db = TestDatabase.open(Database.builder(dir.resolve("cache.db"))
        .entityCache(1_000, Duration.ofMinutes(5)));
    authors = new AuthorRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void secondFindIsAHitAndRunsNoStatement() {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    authors.findById(ann.id());
    long statements = db.stats().statementsExecuted();
    long hits = db.stats().cacheHits();
    assertEquals(ann, authors.findById(ann.id()).orElseThrow());
    assertEquals(statements, db.stats().statementsExecuted());
    assertEquals(hits + 1, db.stats().cacheHits());
    assertTrue(db.stats().cacheMisses() >= 1);
  }

  @Test
  void updateEvictsSoTheNextFindSeesTheChange() {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    authors.findById(ann.id());
    authors.update(ann.withName("Anne"));
    assertEquals("Anne", authors.findById(ann.id()).orElseThrow().name());
    authors.deleteById(ann.id());
    assertTrue(authors.findById(ann.id()).isEmpty());
  }

  @Test
  void aRolledBackWriteLeavesTheCacheTrue() {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    authors.findById(ann.id());
    assertThrows(IllegalStateException.class, () -> db.transaction(() -> {
      authors.update(ann.withName("Changed"));
      throw new IllegalStateException("roll back");
    }));
    long statements = db.stats().statementsExecuted();
    assertEquals("Ann", authors.findById(ann.id()).orElseThrow().name());
    assertEquals(statements, db.stats().statementsExecuted(), "the entry was evicted needlessly");
  }

  @Test
  void aCommittedTransactionEvictsOnlyAfterCommit() {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    authors.findById(ann.id());
    db.transaction(() -> {
      authors.update(ann.withName("Anne"));
      // inside the transaction the cache is bypassed: the transaction sees its own write
      assertEquals("Anne", authors.findById(ann.id()).orElseThrow().name());
    });
    assertEquals("Anne", authors.findById(ann.id()).orElseThrow().name());
  }

  @Test
  void withoutACacheEveryFindRunsAStatement() {
    try (Database plain = TestDatabase.open(dir.resolve("plain"))) {
      AuthorRepository repo = new AuthorRepository(plain);
      Author ann = repo.insert(RepositoryTest.author("Ann"));
      long before = plain.stats().statementsExecuted();
      repo.findById(ann.id());
      repo.findById(ann.id());
      assertEquals(before + 2, plain.stats().statementsExecuted());
      assertEquals(0, plain.stats().cacheHits());
    }
  }

  @Test
  void warmLoadsEveryEntitySoThatFirstFindsAreHits() {
    Author ann = authors.insert(RepositoryTest.author("Ann"));
    Author bob = authors.insert(RepositoryTest.author("Bob"));
    assertEquals(2, authors.warm());
    long statements = db.stats().statementsExecuted();
    assertEquals(ann, authors.findById(ann.id()).orElseThrow());
    assertEquals(bob, authors.findById(bob.id()).orElseThrow());
    assertEquals(statements, db.stats().statementsExecuted());

    try (Database plain = TestDatabase.open(dir.resolve("plain"))) {
      KilnException e = assertThrows(KilnException.class, new AuthorRepository(plain)::warm);
      assertTrue(e.getMessage().contains("add entityCache(maxEntries, ttl)"), e.getMessage());
    }
  }

  /**
   * Readers of a cached entity while a writer changes it through typed updates, which evict the
   * whole table: once an update has committed, no read that starts afterwards returns the entity
   * from before it.
   */
  @Test
  void aReadRacingATableEvictionNeverLeavesAStaleEntity() throws Exception {
    Author ann = authors.insert(RepositoryTest.author("0"));
    AtomicInteger committed = new AtomicInteger();
    AtomicReference<String> stale = new AtomicReference<>();
    int writes = 300;
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch reading = new CountDownLatch(4);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(pool.submit(() -> {
          reading.countDown();
          while (committed.get() < writes && stale.get() == null) {
            int floor = committed.get();
            int seen = Integer.parseInt(authors.findById(ann.id()).orElseThrow().name());
            if (seen < floor) {
              stale.set("read " + seen + " after " + floor + " had committed");
            }
          }
        }));
      }
      assertTrue(reading.await(1, TimeUnit.MINUTES));
      Future<?> writer = pool.submit(() -> {
        for (int i = 1; i <= writes; i++) {
          authors.query().where(Author_.ID.eq(ann.id())).update(Author_.NAME.set("" + i));
          committed.set(i);
        }
      });
      writer.get(2, TimeUnit.MINUTES);
      for (Future<?> reader : readers) {
        reader.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(null, stale.get());
    assertEquals(String.valueOf(writes), authors.findById(ann.id()).orElseThrow().name());
  }
}
