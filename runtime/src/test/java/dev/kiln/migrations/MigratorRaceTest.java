package dev.kiln.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Several migrators on one database file at once, as when several instances of an application
 * start together: one applies everything, the others wait and find nothing to do.
 */
class MigratorRaceTest {

  /** Slow enough (a few hundred milliseconds) that the migrators really overlap. */
  private static final String SLOW = """
      CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
      WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000)
      INSERT INTO item SELECT x, 'item ' || x FROM n;
      """;

  @TempDir Path dir;

  private Path migrationsFolder() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("db/kiln"));
    Files.writeString(folder.resolve("V1__items.sql"), SLOW);
    Files.writeString(folder.resolve("V2__add_price.sql"),
        "ALTER TABLE item ADD COLUMN price INTEGER NOT NULL DEFAULT 0;\n");
    Files.writeString(folder.resolve("V3__reprice.sql"),
        "UPDATE item SET price = price + 1;\nCREATE INDEX ix_item_label ON item (label);\n");
    return folder;
  }

  @Test
  void threadsRacingApplyEachMigrationExactlyOnce() throws Exception {
    List<Migration> migrations = Migrations.fromDirectory(migrationsFolder());
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("race.db"));
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<MigrationResult>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> {
        start.await();
        return Migrator.builder(ds).migrations(migrations).build().migrate();
      }));
    }
    start.countDown();
    List<List<Integer>> applied = new ArrayList<>();
    for (Future<MigrationResult> result : results) {
      applied.add(result.get(60, TimeUnit.SECONDS).versions());
    }
    pool.shutdown();
    assertOneDidEverything(applied.stream().map(Object::toString).toList());
  }

  @Test
  void processesRacingApplyEachMigrationExactlyOnce() throws Exception {
    Path folder = migrationsFolder();
    Path db = dir.resolve("shared.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          MigrateMain.class.getName(), db.toString(), folder.toString())
          .redirectErrorStream(true).start());
    }
    List<String> applied = new ArrayList<>();
    for (Process p : processes) {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a migrator process hung");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      applied.add(out.lines().filter(l -> l.startsWith("applied ")).findFirst()
          .orElseThrow(() -> new AssertionError(out)).substring("applied ".length()));
    }
    assertOneDidEverything(applied);
  }

  private void assertOneDidEverything(List<String> applied) throws Exception {
    assertEquals(1, applied.stream().filter("[1, 2, 3]"::equals).count(), applied.toString());
    assertEquals(applied.size() - 1, applied.stream().filter("[]"::equals).count(),
        applied.toString());
    Path file = Files.exists(dir.resolve("race.db")) ? dir.resolve("race.db")
        : dir.resolve("shared.db");
    try (Connection c = Sql.open(file)) {
      assertEquals(List.of("1", "2", "3"),
          Sql.column(c, "SELECT version FROM kiln_schema_history WHERE success ORDER BY 1"));
      assertEquals(200000, Sql.count(c, "SELECT count(*) FROM item WHERE price = 1"));
      Sql.assertSound(c);
    }
  }
}
