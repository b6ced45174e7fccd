package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.PoolStats;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db.pool()}: the connections in use, idle and waited for, the maximum and utilisation,
 * and how long threads waited — on SQLite the writer and the read pool, on PostgreSQL the pool.
 */
@Tag("engines")
class PoolStatsTest {

  @TempDir Path dir;
  Database db;
  NoteRepository notes;

  @BeforeEach
  void open() {
    db = TestDatabase.open(TestDatabase.builder(dir).readPoolSize(3).poolSize(3));
    notes = new NoteRepository(db);
    notes.insert(new Note(1, "a"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void connectionsInUseAndWaitedForAreCounted() throws Exception {
    PoolStats rest = db.pool();
    int maximum = TestDatabase.postgres() ? 3 : 4; // the pool, or the writer and 3 readers
    assertEquals(maximum, rest.maximum());
    assertEquals(0, rest.inUse());
    assertEquals(0.0, rest.utilisation());
    assertTrue(rest.acquisitions() > 0, "the insert took a connection");

    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> db.transaction(() -> {
      notes.insert(new Note(2, "b"));
      holding.countDown();
      await(release);
    }));
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    try (Stream<Note> open = notes.streamAll()) {
      PoolStats busy = db.pool();
      assertEquals(2, busy.inUse(), "the transaction's and the stream's");
      assertEquals(2.0 / maximum, busy.utilisation(), 1e-9);

      Thread writer = new Thread(() -> notes.insert(new Note(3, "c")));
      if (!TestDatabase.postgres()) {
        // on SQLite a second writer waits for the one connection that writes
        writer.start();
        eventually(p -> p.waiting() == 1);
      }
      release.countDown();
      holder.join();
      if (!TestDatabase.postgres()) {
        writer.join();
        assertTrue(db.pool().writerWaitMax().toNanos() > 0);
      }
    }
    eventually(p -> p.inUse() == 0);
    assertTrue(db.pool().acquireMax().compareTo(Duration.ZERO) >= 0);
  }

  private void eventually(Predicate<PoolStats> condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.test(db.pool())) {
      assertTrue(System.nanoTime() < deadline, "never: " + db.pool());
      Thread.sleep(10);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
