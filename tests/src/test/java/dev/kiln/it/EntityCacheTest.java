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
    int writes = 300;
    String stale = StaleReadRace.run(writes,
        () -> Integer.parseInt(authors.findById(ann.id()).orElseThrow().name()),
        i -> authors.query().where(Author_.ID.eq(ann.id())).update(Author_.NAME.set("" + i)));
    assertEquals(null, stale);
    assertEquals(String.valueOf(writes), authors.findById(ann.id()).orElseThrow().name());
  }
}
