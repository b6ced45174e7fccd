package dev.kiln.it;


import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.mapping.SchemaProvider;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.SchemaMismatchException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Database.migrate()} end to end: with migrations on the class path (the application's
 * {@code db/kiln/} folder, here put on the context class loader), and without them.
 */
class MigrateTest {

  @TempDir Path dir;
  private final ClassLoader original = Thread.currentThread().getContextClassLoader();
  private URLClassLoader withMigrations;

  @AfterEach
  void restore() throws IOException {
    Thread.currentThread().setContextClassLoader(original);
    if (withMigrations != null) {
      withMigrations.close();
    }
  }

  /**
   * Puts {@code db/kiln/} with these files on the context class loader; V1 creates the
   * compiled-in schema of this module's entities, whatever they are.
   */
  private void migrationsOnClassPath(String... later) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("classes/db/kiln"));
    List<String> ddl = new ArrayList<>();
    for (SchemaProvider provider : ServiceLoader.load(SchemaProvider.class)) {
      ddl.addAll(provider.createStatements());
    }
    Files.writeString(folder.resolve("V1__schema.sql"), String.join(";\n\n", ddl) + ";\n");
    for (int i = 0; i < later.length; i++) {
      Files.writeString(folder.resolve("V" + (i + 2) + "__step_" + (i + 2) + ".sql"), later[i]);
    }
    withMigrations = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
        original);
    Thread.currentThread().setContextClassLoader(withMigrations);
  }

  private static final String SEED = "INSERT INTO author (name, email, created_at)"
      + " VALUES ('Seed', 'seed@example.org', '2024-01-01 00:00:00');\n";

  @Test
  void appliesTheMigrationsOnTheClassPathOnce() throws IOException {
    migrationsOnClassPath(SEED);
    Path file = dir.resolve("app.db");
    try (Database db = Database.open(file)) {
      MigrationResult result = db.migrate();
      assertEquals(List.of("V1__schema", "V2__step_2"), result.applied());
      assertEquals(2, result.schemaVersion());
      assertEquals(1, new AuthorRepository(db).count());
      assertFalse(db.migrate().changed());
    }
    try (Database db = Database.open(file)) {
      MigrationResult again = db.migrate();
      assertFalse(again.changed());
      assertEquals(2, again.schemaVersion());
      assertEquals(1, new AuthorRepository(db).count());
    }
  }

  @Test
  void aFailedMigrationLeavesTheDatabaseUsable() throws IOException {
    migrationsOnClassPath(SEED, "UPDATE author SET name = 'changed';\nSELECT nothing FROM nowhere;\n");
    try (Database db = Database.open(dir.resolve("app.db"))) {
      MigrationException e = assertThrows(MigrationException.class, db::migrate);
      assertTrue(e.getMessage().startsWith("V3__step_3.sql failed and was rolled back whole"),
          e.getMessage());
      assertEquals("Seed", new AuthorRepository(db).findAll().get(0).name());
    }
  }

  @Test
  void aDatabaseKilnCreatedBeforeMigrationsIsAdopted() throws IOException {
    Path file = dir.resolve("app.db");
    try (Database db = Database.open(file)) {
      assertTrue(db.migrate().applied().contains("create table author"));
      new AuthorRepository(db).insert(RepositoryTest.author("Kept"));
    }
    migrationsOnClassPath(SEED);
    try (Database db = Database.open(file)) {
      MigrationResult adopted = db.migrate();
      assertTrue(adopted.applied().get(0).startsWith("baseline at V2"), adopted.applied()
          .toString());
      assertEquals(2, adopted.schemaVersion());
      assertEquals(1, new AuthorRepository(db).count(), "the seed was not applied again");
    }
  }

  @Test
  void twoDatabasesOnOneFileMigrateItOnce() throws Exception {
    migrationsOnClassPath(SEED);
    Path file = dir.resolve("app.db");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    ClassLoader loader = withMigrations;
    Callable<MigrationResult> migrate = () -> {
      Thread.currentThread().setContextClassLoader(loader);
      start.await();
      try (Database db = Database.open(file)) {
        return db.migrate();
      }
    };
    Future<MigrationResult> a = pool.submit(migrate);
    Future<MigrationResult> b = pool.submit(migrate);
    start.countDown();
    List<List<Integer>> applied = List.of(a.get().versions(), b.get().versions());
    pool.shutdown();
    assertTrue(applied.contains(List.of(1, 2)) && applied.contains(List.of()),
        applied.toString());
    try (Database db = Database.open(file)) {
      assertEquals(1, new AuthorRepository(db).count());
    }
  }

  @Test
  void withoutMigrationsAChangedTableIsReportedWithTheSqlToFixIt() throws Exception {
    Path file = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE author (id INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT"
          + " NULL, created_at TEXT NOT NULL, PRIMARY KEY (id)) STRICT");
    }
    try (Database db = Database.open(file)) {
      SchemaMismatchException e = assertThrows(SchemaMismatchException.class, db::migrate);
      assertTrue(e.differences().contains("add column \"bio\" to \"author\""),
          e.differences().toString());
      assertTrue(e.getMessage().contains("ALTER TABLE \"author\" ADD COLUMN \"bio\" TEXT;"),
          e.getMessage());
      assertEquals(1, e.differences().size(), "missing tables and indexes were created");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'book'")) {
      rs.next();
      assertEquals(1, rs.getInt(1), "the missing tables were still created");
    }
  }

  @Test
  void migrateInsideATransactionIsRefused() {
    try (Database db = TestDatabase.open(dir)) {
      KilnException e = assertThrows(KilnException.class, () -> db.transaction(db::migrate));
      assertTrue(e.getMessage().contains("cannot run inside a transaction"), e.getMessage());
    }
  }
}
