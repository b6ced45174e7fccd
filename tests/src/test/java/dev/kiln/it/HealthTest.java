package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.Health;
import dev.kiln.Health.Status;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code db.health()}: UP with its named checks; DEGRADED while SQLite's writer is held past the
 * write timeout; DOWN once no connection answers.
 */
@Tag("engines")
class HealthTest {

  @TempDir Path dir;

  @Test
  void upWithItsChecksThenDownWhenClosed() {
    Database db = TestDatabase.open(dir);
    Health health = db.health();
    assertEquals(Status.UP, health.status(), health.toString());
    List<String> names = TestDatabase.postgres() ? List.of("connection", "pool")
        : List.of("connection", "pool", "writer", "wal", "disk");
    assertEquals(names.size(), health.checks().size(), health.toString());
    assertTrue(health.checks().keySet().containsAll(names), health.toString());
    assertTrue(health.checks().get("connection").detail().startsWith("answered in"));
    db.close();
    Health closed = db.health();
    assertEquals(Status.DOWN, closed.status(), closed.toString());
    assertEquals(Status.DOWN, closed.checks().get("connection").status());
  }

  @Test
  @Tag("sqlite")
  void aWriterHeldPastTheWriteTimeoutDegradesIt() throws Exception {
    try (Database db = TestDatabase.open(TestDatabase.builder(dir)
        .writeTimeout(Duration.ofMillis(100)))) {
      NoteRepository notes = new NoteRepository(db);
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = new Thread(() -> db.transaction(() -> {
        notes.insert(new Note(1, "held"));
        holding.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }), "long-transaction");
      holder.start();
      assertTrue(holding.await(10, TimeUnit.SECONDS));
      Thread.sleep(200);
      Health health = db.health();
      assertEquals(Status.DEGRADED, health.status(), health.toString());
      assertTrue(health.checks().get("writer").detail()
          .startsWith("held by thread 'long-transaction' for"), health.toString());
      release.countDown();
      holder.join();
      assertEquals(Status.UP, db.health().status());
    }
  }
}
