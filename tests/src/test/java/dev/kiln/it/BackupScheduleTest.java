package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.Health;
import dev.kiln.KilnException;
import dev.kiln.it.model.AuthorRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled backups on real files: verified copies named by time, the newest kept, a failing
 * destination reported in {@code db.health()} without a partial file or a lost backup; and
 * {@code Database.restore}, which refuses an unsound backup and a target in use.
 */
class BackupScheduleTest {

  @TempDir Path dir;

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, what);
      Thread.sleep(20);
    }
  }

  private static long authors(Path file) throws Exception {
    try (Database copy = Database.open(file)) {
      return new AuthorRepository(copy).count();
    }
  }

  @Test
  void backupsAreVerifiedNamedByTimeAndTheNewestKept() throws Exception {
    Path backups = dir.resolve("backups");
    try (Database db = TestDatabase.open(Database.builder(dir.resolve("shop.db"))
        .backups(backups, Duration.ofMillis(150), 2))) {
      new AuthorRepository(db).insert(RepositoryTest.author("Ann"));
      await(() -> db.health().checks().get("backups").detail().startsWith("last backup"),
          "no backup was taken");
      Thread.sleep(700); // several more runs, so that old ones were deleted
      List<Path> kept = files(backups);
      assertEquals(2, kept.size(), kept.toString());
      for (Path backup : kept) {
        assertTrue(backup.getFileName().toString()
            .matches("shop-\\d{8}T\\d{6}\\.\\d{3}Z\\.db"), backup.toString());
      }
      assertEquals(Health.Status.UP, db.health().checks().get("backups").status());
    }
    // Closed: the last copies stand on their own, and they are sound.
    for (Path backup : files(backups)) {
      assertEquals(1, authors(backup));
    }
  }

  @Test
  void aFailingDestinationIsReportedAndLeavesNothingBehind() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a folder");
    try (Database db = TestDatabase.open(Database.builder(dir.resolve("shop.db"))
        .backups(notADirectory, Duration.ofMillis(100), 3))) {
      await(() -> db.health().checks().get("backups").status() == Health.Status.DEGRADED,
          "the failure was not reported");
      assertTrue(db.health().checks().get("backups").detail().contains("failed"));
      assertEquals(Health.Status.DEGRADED, db.health().status());
    }
    assertEquals(List.of(dir.resolve("shop.db"), notADirectory), files(dir).stream()
        .filter(p -> !p.getFileName().toString().startsWith("shop.db-")).toList());
  }

  @Test
  void restorePutsAVerifiedBackupInPlace() throws Exception {
    Path live = dir.resolve("live.db");
    Path backup = dir.resolve("copy.db");
    try (Database db = TestDatabase.open(Database.builder(live))) {
      new AuthorRepository(db).insert(RepositoryTest.author("Ann"));
      db.backup(backup);
      new AuthorRepository(db).insert(RepositoryTest.author("Bob"));
      KilnException open = assertThrows(KilnException.class,
          () -> Database.restore(backup, live));
      assertTrue(open.getMessage().contains("has it open; close it first"), open.getMessage());
    }
    assertEquals(2, authors(live));
    Database.restore(backup, live);
    assertEquals(1, authors(live));
    assertTrue(Files.notExists(dir.resolve("live.db-wal")) || authors(live) == 1);
  }

  @Test
  void restoreRefusesAnUnsoundBackupAndATargetInUse() throws Exception {
    Path live = dir.resolve("live.db");
    try (Database db = TestDatabase.open(Database.builder(live))) {
      new AuthorRepository(db).insert(RepositoryTest.author("Ann"));
    }
    Path garbage = Files.writeString(dir.resolve("garbage.db"), "not a database at all");
    assertThrows(KilnException.class, () -> Database.restore(garbage, live));
    assertEquals(1, authors(live), "the target is untouched");

    Path good = dir.resolve("good.db");
    try (Database db = Database.open(live)) {
      db.backup(good);
    }
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + live);
        Statement st = other.createStatement()) {
      st.execute("BEGIN");
      st.executeQuery("SELECT count(*) FROM author").close(); // another process reading
      KilnException inUse = assertThrows(KilnException.class,
          () -> Database.restore(good, live));
      assertTrue(inUse.getMessage().contains("it is in use"), inUse.getMessage());
      st.execute("COMMIT");
    }
  }

  @Test
  void backupsAreRefusedOnPostgres() {
    KilnException e = assertThrows(KilnException.class, () -> Database.builder(
        dev.kiln.migrations.PostgresServer.newDatabase())
        .backups(dir, Duration.ofHours(1), 3).build());
    assertTrue(e.getMessage().contains("pg_dump"), e.getMessage());
  }
}
