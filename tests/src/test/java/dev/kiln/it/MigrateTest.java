package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.BookRepository;
import dev.kiln.mapping.SchemaProvider;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.SchemaMismatchException;
import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.migrations.script.Migrations;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Database.migrate()} end to end, on each engine: with migrations on the class path (the
 * application's {@code db/kiln/} folder, or {@code db/kiln/postgresql/} for PostgreSQL, here put
 * on the context class loader), and without them.
 */
@Tag("engines")
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
   * Puts the engine's migration folder with these files on the context class loader: V1 creates
   * the compiled-in schema of this module's entities, whatever they are, as the build would
   * write it; the later ones are hand-written beside it.
   */
  private void migrationsOnClassPath(String... later) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("classes").resolve(
        TestDatabase.postgres() ? Migrations.POSTGRESQL_LOCATION : Migrations.DEFAULT_LOCATION));
    List<String> ddl = new ArrayList<>();
    for (SchemaProvider provider : ServiceLoader.load(SchemaProvider.class)) {
      ddl.addAll(TestDatabase.postgres() ? PostgresDdl.createSchema(provider.schema())
          : provider.createStatements());
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
    String file = TestDatabase.newUrl(dir);
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
    try (Database db = Database.open(TestDatabase.newUrl(dir))) {
      MigrationException e = assertThrows(MigrationException.class, db::migrate);
      assertTrue(e.getMessage().startsWith("V3__step_3.sql failed and was rolled back whole"),
          e.getMessage());
      assertEquals("Seed", new AuthorRepository(db).findAll().get(0).name());
    }
  }

  @Test
  void aDatabaseKilnCreatedBeforeMigrationsIsAdopted() throws IOException {
    String file = TestDatabase.newUrl(dir);
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
    String file = TestDatabase.newUrl(dir);
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
    String url = TestDatabase.newUrl(dir);
    execute(url, TestDatabase.postgres()
        ? "CREATE TABLE author (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
            + " name text COLLATE \"C\" NOT NULL, email text COLLATE \"C\" NOT NULL,"
            + " created_at timestamptz NOT NULL)"
        : "CREATE TABLE author (id INTEGER NOT NULL, name TEXT NOT NULL, email TEXT NOT"
            + " NULL, created_at TEXT NOT NULL, PRIMARY KEY (id)) STRICT");
    try (Database db = Database.open(url)) {
      SchemaMismatchException e = assertThrows(SchemaMismatchException.class, db::migrate);
      String fix = TestDatabase.postgres() ? "ALTER TABLE \"author\" ADD COLUMN \"bio\" text"
          : "ALTER TABLE \"author\" ADD COLUMN \"bio\" TEXT;";
      assertTrue(e.getMessage().contains(fix), e.getMessage());
      assertEquals(1, e.differences().size(), "missing tables and indexes were created: "
          + e.differences());
      assertTrue(e.differences().get(0).contains("bio"), e.differences().toString());
    }
    try (Database db = Database.open(url)) {
      // the missing tables were still created
      assertEquals(0, new BookRepository(db).count());
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute(sql);
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
