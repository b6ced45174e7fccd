package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import dev.kiln.KilnException;
import dev.kiln.it.model.Note;
import dev.kiln.it.model.NoteRepository;
import dev.kiln.migrations.PostgresServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write waits a bounded time for the database, then says who holds it. On SQLite: another
 * thread of this process holding Kiln's writer connection, or another process holding SQLite's
 * write lock ({@code SQLITE_BUSY}, retried with backoff after each {@code busy_timeout} until the
 * write timeout). On PostgreSQL, where writers do not exclude each other: another transaction
 * holding the rows (Kiln sets {@code lock_timeout} to the write timeout), or every pooled
 * connection in use. A lock released in time lets the write through.
 */
@Tag("engines")
class WriteLockTest {

  @TempDir Path dir;

  @Test
  @Tag("sqlite")
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
  @Tag("sqlite")
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
  @Tag("sqlite")
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

  @Test
  @Tag("postgresql")
  // Without a bound on the wait, the write would wait for ever; in a thread of its own, as a
  // driver's socket read does not answer an interrupt.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anotherTransactionHoldingTheRowIsReportedAfterTheWriteTimeout() throws Exception {
    reportsRowLockAfterWriteTimeout(TestDatabase.builder(dir));
  }

  @Test
  @Tag("postgresql")
  // Without a bound on the wait, the write would wait for ever; in a thread of its own, as a
  // driver's socket read does not answer an interrupt.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aUrlWithOptionsOfItsOwnKeepsTheBoundOnRowLockWaits() throws Exception {
    reportsRowLockAfterWriteTimeout(
        Database.builder(PostgresServer.newDatabase() + "&options=-c%20search_path%3Dpublic"));
  }

  private static void reportsRowLockAfterWriteTimeout(DatabaseBuilder builder) throws Exception {
    try (Database db = TestDatabase.open(builder.writeTimeout(Duration.ofMillis(300)))) {
      NoteRepository notes = new NoteRepository(db);
      notes.insert(new Note(1, "first"));
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = holdInTransaction(db, () -> notes.update(new Note(1, "theirs")), release);

      long start = System.nanoTime();
      KilnException e = assertThrows(KilnException.class,
          () -> notes.update(new Note(1, "mine")));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(e.getMessage().startsWith("cannot update Note: another transaction held a lock"
          + " on the rows"), e.getMessage());
      assertTrue(e.getMessage().contains("writeTimeout"), e.getMessage());
      assertTrue(waited >= 250 && waited < 5_000, "waited " + waited + " ms");

      release.countDown();
      holder.join();
      assertEquals("theirs", notes.findById(1).orElseThrow().body());
      notes.update(new Note(1, "mine"));
      assertEquals("mine", notes.findById(1).orElseThrow().body());
    }
  }

  @Test
  @Tag("postgresql")
  // Without a bound on the wait, the write would wait for ever; in a thread of its own, as a
  // driver's socket read does not answer an interrupt.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aWriteFindingEveryPooledConnectionInUseIsReportedAfterTheWriteTimeout() throws Exception {
    try (Database db = TestDatabase.open(
        TestDatabase.builder(dir).poolSize(1).writeTimeout(Duration.ofMillis(300)))) {
      NoteRepository notes = new NoteRepository(db);
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = holdInTransaction(db, () -> notes.insert(new Note(1, "theirs")), release);

      KilnException e = assertThrows(KilnException.class,
          () -> notes.insert(new Note(2, "mine")));
      assertTrue(e.getMessage().startsWith("cannot insert Note: every connection of the pool"
          + " stayed in use"), e.getMessage());
      assertTrue(e.getMessage().contains("poolSize"), e.getMessage());

      release.countDown();
      holder.join();
      notes.insert(new Note(2, "mine"));
      assertEquals(2, notes.count());
    }
  }

  @Test
  @Tag("postgresql")
  // Without a bound on the wait, the write would wait for ever; in a thread of its own, as a
  // driver's socket read does not answer an interrupt.
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRowLockReleasedWithinTheWriteTimeoutLetsTheWriteThrough() throws Exception {
    try (Database db = TestDatabase.open(
        TestDatabase.builder(dir).writeTimeout(Duration.ofSeconds(20)))) {
      NoteRepository notes = new NoteRepository(db);
      notes.insert(new Note(1, "first"));
      CountDownLatch release = new CountDownLatch(1);
      Thread holder = holdInTransaction(db, () -> notes.update(new Note(1, "theirs")), release);
      new Thread(() -> {
        sleep(500);
        release.countDown();
      }).start();
      notes.update(new Note(1, "mine")); // waits for the other transaction's commit
      holder.join();
      assertEquals("mine", notes.findById(1).orElseThrow().body());
    }
  }

  /**
   * Starts a thread that runs {@code write} in a transaction and keeps the transaction open until
   * {@code release}; returns once the write is done.
   */
  private static Thread holdInTransaction(Database db, Runnable write, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder = new Thread(() -> db.transaction(() -> {
      write.run();
      holding.countDown();
      await(release);
    }), "holding-transaction");
    holder.start();
    assertTrue(holding.await(10, TimeUnit.SECONDS));
    return holder;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
