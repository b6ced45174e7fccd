package dev.kiln.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.script.Migration;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The migrator on real database files: applying, recording, refusing and rolling back. */
class MigratorTest {

  static final String V1 = """
      CREATE TABLE author (id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (id)) STRICT;
      CREATE TABLE book (
        id INTEGER NOT NULL,
        author_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE
      ) STRICT;
      """;
  static final String V2 = "ALTER TABLE author ADD COLUMN bio TEXT;\n";
  static final String V3 = "CREATE INDEX ix_book_author_id ON book (author_id);\n";

  @TempDir Path dir;

  private SQLiteDataSource dataSource() {
    SQLiteDataSource ds = new SQLiteDataSource();
    ds.setUrl("jdbc:sqlite:" + dir.resolve("app.db"));
    return ds;
  }

  private Migrator migrator(String... scripts) {
    return Migrator.builder(dataSource()).migrations(migrations(scripts)).build();
  }

  static List<Migration> migrations(String... scripts) {
    List<Migration> list = new ArrayList<>();
    String[] names = {"create_tables", "add_bio", "index_books", "fourth", "fifth"};
    for (int i = 0; i < scripts.length; i++) {
      list.add(Migration.of("V" + (i + 1) + "__" + names[i] + ".sql", scripts[i], "test"));
    }
    return list;
  }

  private Connection open() throws SQLException {
    return Sql.open(dir.resolve("app.db"));
  }

  @Test
  void appliesPendingMigrationsInOrderAndRecordsEach() throws SQLException {
    MigrationResult first = migrator(V1, V2).migrate();
    assertEquals(List.of("V1__create_tables", "V2__add_bio"), first.applied());
    assertEquals(List.of(1, 2), first.versions());
    assertEquals(2, first.schemaVersion());

    MigrationResult second = migrator(V1, V2, V3).migrate();
    assertEquals(List.of(3), second.versions());
    MigrationResult third = migrator(V1, V2, V3).migrate();
    assertFalse(third.changed());
    assertEquals(3, third.schemaVersion());

    try (Connection c = open()) {
      assertEquals(List.of("1|create tables|1", "2|add bio|1", "3|index books|1"),
          Sql.column(c, "SELECT version || '|' || description || '|' || success FROM"
              + " kiln_schema_history ORDER BY version"));
      assertEquals(List.of(Migration.of("V3__x.sql", V3, "").checksum()),
          Sql.column(c, "SELECT checksum FROM kiln_schema_history WHERE version = 3"));
      assertEquals(3, Sql.count(c, "SELECT count(*) FROM kiln_schema_history"
          + " WHERE applied_at LIKE '20%Z' AND duration_ms >= 0"));
    }
    List<MigrationInfo> info = migrator(V1, V2, V3).info();
    assertEquals(List.of(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED),
        info.stream().map(MigrationInfo::state).toList());
  }

  @Test
  void refusesAnAppliedMigrationThatChanged() {
    migrator(V1, V2).migrate();
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(V1, V2.replace("bio", "biography")).migrate());
    assertTrue(e.getMessage().startsWith("V2__add_bio.sql has changed since it was applied"),
        e.getMessage());
    assertTrue(e.getMessage().contains("restore the file as it was"), e.getMessage());
    assertTrue(e.getMessage().contains("new migration"), e.getMessage());
    assertEquals(MigrationState.CHANGED,
        migrator(V1, V2.replace("bio", "biography")).info().get(1).state());
  }

  @Test
  void refusesADatabaseAheadOfTheCode() {
    migrator(V1, V2, V3).migrate();
    MigrationException e = assertThrows(MigrationException.class, () -> migrator(V1).migrate());
    assertTrue(e.getMessage().contains("migrated to V3"), e.getMessage());
    assertTrue(e.getMessage().contains("end at V1"), e.getMessage());
    assertTrue(e.getMessage().contains("newer version of the application"), e.getMessage());
  }

  @Test
  void refusesDuplicateAndMissingVersions() {
    List<Migration> duplicate = new ArrayList<>(migrations(V1, V2));
    duplicate.add(Migration.of("V2__other.sql", V3, "elsewhere"));
    MigrationException dup = assertThrows(MigrationException.class,
        () -> Migrator.builder(dataSource()).migrations(duplicate).build().migrate());
    assertTrue(dup.getMessage().contains("two migrations have version 2"), dup.getMessage());

    List<Migration> gap = List.of(Migration.of("V1__a.sql", V1, "x"),
        Migration.of("V3__c.sql", V3, "x"));
    MigrationException hole = assertThrows(MigrationException.class,
        () -> Migrator.builder(dataSource()).migrations(gap).build().migrate());
    assertTrue(hole.getMessage().contains("no migration has version 2"), hole.getMessage());

    MigrationException late = assertThrows(MigrationException.class,
        () -> Migrator.builder(dataSource()).migrations(List.of(Migration.of("V2__b.sql", V1,
            "x"))).build().migrate());
    assertTrue(late.getMessage().contains("V1 is missing"), late.getMessage());
  }

  @Test
  void aFailingMigrationRollsBackWholeAndCanBeRetried() throws SQLException {
    migrator(V1).migrate();
    try (Connection c = open()) {
      Sql.run(c, "INSERT INTO author VALUES (1, 'Ann')", "INSERT INTO book VALUES (1, 1, 'A')");
    }
    String broken = """
        CREATE TABLE review (id INTEGER PRIMARY KEY, text TEXT);
        INSERT INTO review VALUES (1, 'fine');
        UPDATE author SET name = 'changed';
        INSERT INTO nowhere VALUES (1);
        """;
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(V1, V2, broken).migrate());
    assertTrue(e.getMessage().startsWith("V3__index_books.sql failed and was rolled back whole"),
        e.getMessage());
    assertTrue(e.getMessage().contains("V2__add_bio applied before it"), e.getMessage());
    assertTrue(e.getMessage().contains("line 4 (INSERT INTO nowhere"), e.getMessage());
    assertTrue(e.getMessage().contains("no such table: nowhere"), e.getMessage());
    try (Connection c = open()) {
      assertEquals(List.of(), Sql.column(c, "SELECT name FROM sqlite_schema WHERE name ="
          + " 'review'"));
      assertEquals(List.of("Ann"), Sql.column(c, "SELECT name FROM author"));
      assertEquals(List.of("1|1", "2|1", "3|0"), Sql.column(c,
          "SELECT version || '|' || success FROM kiln_schema_history ORDER BY version"));
    }
    assertEquals(MigrationState.FAILED, migrator(V1, V2, broken).info().get(2).state());

    MigrationResult retried = migrator(V1, V2, V3).migrate();
    assertEquals(List.of(3), retried.versions());
    try (Connection c = open()) {
      assertEquals(List.of("1|1", "2|1", "3|1"), Sql.column(c,
          "SELECT version || '|' || success FROM kiln_schema_history ORDER BY version"));
      Sql.assertSound(c);
    }
  }

  @Test
  void aMigrationThatLeavesDanglingKeysIsRolledBack() throws SQLException {
    migrator(V1).migrate();
    try (Connection c = open()) {
      Sql.run(c, "INSERT INTO author VALUES (1, 'Ann')", "INSERT INTO book VALUES (1, 1, 'A')");
    }
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(V1, "DELETE FROM author;").migrate());
    assertTrue(e.getMessage().contains("foreign key points to no row: book → author (1 row)"),
        e.getMessage());
    try (Connection c = open()) {
      assertEquals(1, Sql.count(c, "SELECT count(*) FROM author"));
      assertEquals(1, Sql.count(c, "SELECT count(*) FROM book"));
    }
  }

  @Test
  void transactionControlInAMigrationIsRefusedBeforeAnythingRuns() throws SQLException {
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(V1, V2 + "\nCOMMIT;\n").migrate());
    assertTrue(e.getMessage().startsWith("V2__add_bio.sql, line 3: COMMIT is not allowed in a"
        + " migration"), e.getMessage());
    try (Connection c = open()) {
      assertEquals(List.of(), Sql.column(c, "SELECT name FROM sqlite_schema"), "V1 not run");
    }
    MigrationException fk = assertThrows(MigrationException.class,
        () -> migrator("PRAGMA foreign_keys = OFF;\n" + V1).migrate());
    assertTrue(fk.getMessage().contains("PRAGMA foreign_keys has no effect"), fk.getMessage());
  }

  @Test
  void foreignKeysAndAutoCommitAreRestoredOnTheCallersConnection() throws SQLException {
    try (Connection c = open()) {
      Sql.run(c, "PRAGMA foreign_keys = ON");
      c.setAutoCommit(false);
      Migrator.builder(c).migrations(migrations(V1)).build().migrate();
      assertFalse(c.getAutoCommit());
      c.setAutoCommit(true);
      assertEquals(List.of("1"), Sql.column(c, "PRAGMA foreign_keys"));
    }
  }

  @Test
  void aDatabaseFromBeforeMigrationsNeedsABaseline() throws SQLException {
    try (Connection c = open()) {
      Sql.run(c, V1.split(";\n"));
      Sql.run(c, "INSERT INTO author VALUES (1, 'Ann')");
    }
    MigrationException e = assertThrows(MigrationException.class,
        () -> migrator(V1, V2).migrate());
    assertTrue(e.getMessage().contains("already has tables (author, book) but no migration"
        + " history"), e.getMessage());
    assertTrue(e.getMessage().contains("Migrator.baseline(n)"), e.getMessage());

    migrator(V1, V2).baseline(1);
    assertEquals(List.of(MigrationState.BASELINE, MigrationState.PENDING),
        migrator(V1, V2).info().stream().map(MigrationInfo::state).toList());
    assertEquals(List.of(2), migrator(V1, V2).migrate().versions());
    assertThrows(MigrationException.class, () -> migrator(V1, V2).baseline(1));
    try (Connection c = open()) {
      assertEquals(List.of("Ann"), Sql.column(c, "SELECT name FROM author WHERE bio IS NULL"));
    }
  }

  @Test
  void aDatabaseWhoseSchemaMatchesCanBeAdoptedAsABaseline() throws SQLException {
    try (Connection c = open()) {
      Sql.run(c, (V1 + V2).split(";\n"));
    }
    MigrationResult adopted = Migrator.builder(dataSource()).migrations(migrations(V1, V2))
        .baselineIfSchemaMatches(true).build().migrate();
    assertEquals(2, adopted.schemaVersion());
    assertTrue(adopted.applied().get(0).startsWith("baseline at V2"), adopted.applied().get(0));
    assertEquals(List.of(3), Migrator.builder(dataSource()).migrations(migrations(V1, V2, V3))
        .baselineIfSchemaMatches(true).build().migrate().versions());
  }

  @Test
  void theLiveSchemaIsCheckedAgainstTheExpectedOne() throws SQLException {
    Schema expected = ShadowDatabase.schemaOf(List.of(
        "CREATE TABLE author (id INTEGER NOT NULL, name TEXT NOT NULL, bio TEXT, born INTEGER,"
            + " PRIMARY KEY (id)) STRICT",
        "CREATE INDEX ix_author_name ON author (name)"));
    SchemaMismatchException e = assertThrows(SchemaMismatchException.class,
        () -> Migrator.builder(dataSource()).migrations(migrations(V1, V2))
            .expectedSchema(expected).build().migrate());
    assertEquals(List.of("add column \"born\" to \"author\"",
        "create index \"ix_author_name\" on \"author\""), e.differences());
    assertTrue(e.getMessage().contains("ALTER TABLE \"author\" ADD COLUMN \"born\" INTEGER;"),
        e.getMessage());
    assertTrue(e.getMessage().contains("CREATE INDEX \"ix_author_name\" ON \"author\""
        + " (\"name\");"), e.getMessage());
  }
}
