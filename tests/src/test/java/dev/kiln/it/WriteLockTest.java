package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write waits a bounded time for the database, then says who holds it: another thread of this
 * process holding Kiln's writer connection, or another process holding SQLite's write lock
 * ({@code SQLITE_BUSY}, retried with backoff after each {@code busy_timeout} until the write
 * timeout). A lock released in time lets the write through.
 */
class WriteLockTest {

  @TempDir Path dir;

  @Test
  void aThreadHoldingTheWriterTooLongIsNamed() throws Exception {
    try (Database db = TestDatabase.open(
        Database.builder(dir.resolve("app.db")).writeTimeout(Duration.ofMillis(300)))) {
      NoteRepository notes = new NoteRepository(db);
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = new Thread(() -> db.transaction(() -> {
        notes.insert(new Note(1, "first"));
        holding.countDown();
        await(release);
      }), "slow-transaction");
      holder.start();
      assertTrue(holding.await(10, TimeUnit.SECONDS));

      long start = System.nanoTime();
      KilnException e = assertThrows(KilnException.class,
          () -> notes.insert(new Note(2, "second")));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e.getMessage().contains("thread 'slow-transaction' has held"), e.getMessage());
      assertTrue(e.getMessage().contains("writeTimeout"), e.getMessage());
      assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");

      release.countDown();
      holder.join();
      notes.insert(new Note(2, "second"));
      assertEquals(2, notes.count());
    }
  }

  @Test
  void anotherProcessHoldingTheWriteLockIsReportedAfterTheWriteTimeout() throws Exception {
    Path file = dir.resolve("app.db");
    try (Database db = TestDatabase.open(Database.builder(file).pragma("busy_timeout", "100")
        .writeTimeout(Duration.ofMillis(800)))) {
      NoteRepository notes = new NoteRepository(db);
      Process other = holdWriteLock(file, 30_000);
      try {
        KilnException e = assertThrows(KilnException.class,
            () -> notes.insert(new Note(1, "mine")));
        assertTrue(e.getMessage().startsWith("cannot insert Note: another process holds"
            + " SQLite's write lock"), e.getMessage());
        assertTrue(e.getMessage().contains("writeTimeout"), e.getMessage());
      } finally {
        other.destroy();
        other.waitFor();
      }
      notes.insert(new Note(1, "mine"));
      assertEquals(1, notes.count(), "the other process's write was never committed");
    }
  }

  @Test
  void aWriteLockReleasedWithinTheWriteTimeoutLetsTheWriteThrough() throws Exception {
    Path file = dir.resolve("app.db");
    try (Database db = TestDatabase.open(Database.builder(file).pragma("busy_timeout", "50")
        .writeTimeout(Duration.ofSeconds(20)))) {
      NoteRepository notes = new NoteRepository(db);
      Process other = holdWriteLock(file, 600);
      notes.insert(new Note(1, "mine"));
      assertEquals(0, other.waitFor());
      assertEquals(2, notes.count());
      assertEquals("from another process", notes.findById(1000).orElseThrow().body());
    }
  }

  /** Starts {@link LockHolder} in a JVM of its own and returns once it holds the lock. */
  private static Process holdWriteLock(Path file, long millis) throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
        file.toString(), Long.toString(millis)).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("locked")) {
      // SLF4J's notices and the like
    }
    if (line == null) {
      throw new AssertionError("the lock holder exited with " + process.waitFor());
    }
    return process;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
