package dev.kiln.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.kiln.processor.migrate.Builds.entity;
import static dev.kiln.processor.migrate.Builds.files;
import static dev.kiln.processor.migrate.Builds.ok;
import static dev.kiln.processor.migrate.SqliteFiles.execute;
import static dev.kiln.processor.migrate.SqliteFiles.open;
import static dev.kiln.processor.migrate.SqliteFiles.rows;
import static dev.kiln.processor.migrate.Builds.read;

import dev.kiln.internal.sqlite.SqliteSchemaCheck;
import dev.kiln.migrations.Migrator;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes, views and triggers that a hand-written migration creates are the application's own:
 * later builds never drop them, a table rebuild carries them over, and the start-up schema check
 * does not call them a difference. Only what the entities declare — and what Kiln's own files
 * created — is Kiln's to change.
 */
class HandWrittenObjectsTest {

  @TempDir Path dir;

  private static final String AUTHOR = """
      @Table
      public record Author(@Id(autoGenerate = true) long id, String name) {}
      """;
  private static final String BOOK_V1 = """
      @Table
      @Index(columns = "authorId")
      @Index(columns = "price")
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String title, long price, @Nullable String subtitle) {}
      """;
  /** Drops the declared index on price; makes subtitle NOT NULL (a rebuild of book). */
  private static final String BOOK_V3 = """
      @Table
      @Index(columns = "authorId")
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String title, long price, @Column(defaultValue = "''") String subtitle) {}
      """;
  /** Drops the declared index on authorId, in place. */
  private static final String BOOK_V4 = """
      @Table
      @AllowScan
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String title, long price, @Column(defaultValue = "''") String subtitle) {}
      """;
  /** Adds a column in place. */
  private static final String AUTHOR_V4 = """
      @Table
      public record Author(@Id(autoGenerate = true) long id, String name, @Nullable String bio) {}
      """;
  private static final List<String> HAND_WRITTEN = List.of(
      "CREATE INDEX \"ix_plain_title\" ON \"book\" (\"title\")",
      "CREATE INDEX \"ix_price_desc\" ON \"book\" (\"price\" DESC)",
      "CREATE INDEX \"ix_title_nocase\" ON \"book\" (\"title\" COLLATE NOCASE)",
      "CREATE INDEX \"ix_title_lower\" ON \"book\" (lower(\"title\"))",
      "CREATE INDEX \"ix_cheap\" ON \"book\" (\"title\") WHERE \"price\" < 10",
      "CREATE INDEX \"ix_author_name\" ON \"author\" (\"name\" DESC)",
      "CREATE VIEW \"cheap_book\" AS SELECT \"id\", \"title\" FROM \"book\" WHERE \"price\" < 10",
      "CREATE TRIGGER \"book_title_trim\" AFTER INSERT ON \"book\" BEGIN UPDATE \"book\" SET"
          + " \"title\" = trim(\"title\") WHERE \"id\" = NEW.\"id\"; END");

  @Test
  void handWrittenIndexesViewsAndTriggersSurviveLaterBuilds() throws Exception {
    Path folder = dir.resolve("db/kiln");
    Path db = dir.resolve("app.db");
    ok(folder, entity("Author", AUTHOR), entity("Book", BOOK_V1));
    migrate(folder, db);
    execute(db, "INSERT INTO author (name) VALUES ('Ann'), ('Bo')",
        "INSERT INTO book (author_id, title, price, subtitle) VALUES (1, 'A', 5, NULL),"
            + " (1, 'B', 15, 'b'), (2, 'C', 7, NULL)");

    Files.writeString(folder.resolve("V2__hand_written.sql"),
        String.join(";\n", HAND_WRITTEN) + ";\n");
    // A build with no entity change still writes nothing: the hand-written indexes are not
    // differences to undo (the expression index no longer crashes the build either).
    ok(folder, entity("Author", AUTHOR), entity("Book", BOOK_V1));
    assertThat(files(folder)).containsExactly("V1__create_table_author_and_book.sql",
        "V2__hand_written.sql");
    migrate(folder, db);

    ok(folder, entity("Author", AUTHOR), entity("Book", BOOK_V3));
    assertThat(files(folder)).hasSize(3);
    String v3 = read(folder.resolve(files(folder).get(2)));
    assertThat(v3).contains("CREATE TABLE \"kiln_new_book\"");
    assertThat(v3).doesNotContain("CREATE INDEX \"ix_book_price\""); // Kiln's, and undeclared
    for (String name : List.of("ix_plain_title", "ix_price_desc", "ix_title_nocase",
        "ix_title_lower", "ix_cheap")) {
      // Dropped by the rebuild's DROP TABLE, so re-created after it, as written.
      assertThat(v3).contains(HAND_WRITTEN.stream().filter(s -> s.contains(name)).findFirst()
          .orElseThrow());
    }
    assertThat(v3).doesNotContain("ix_author_name"); // author is not rebuilt: left alone
    migrate(folder, db);

    ok(folder, entity("Author", AUTHOR_V4), entity("Book", BOOK_V4));
    String v4 = read(folder.resolve(files(folder).get(3)));
    assertThat(v4).contains("ALTER TABLE \"author\" ADD COLUMN \"bio\" TEXT");
    assertThat(v4).contains("DROP INDEX \"ix_book_author_id\"");
    assertThat(v4.split("DROP", -1)).hasLength(2); // that one DROP, and no other
    migrate(folder, db);

    try (Connection c = open(db)) {
      assertThat(rows(c, "SELECT sql FROM sqlite_schema WHERE name LIKE 'ix\\_%' ESCAPE '\\'"
          + " OR type IN ('view', 'trigger') ORDER BY name"))
          .containsExactlyElementsIn(HAND_WRITTEN.stream().sorted(
              java.util.Comparator.comparing(HandWrittenObjectsTest::nameOf)).toList())
          .inOrder();
      assertThat(rows(c, "SELECT id, title, price, subtitle FROM book ORDER BY id"))
          .containsExactly("1|A|5|", "2|B|15|b", "3|C|7|").inOrder();
      execute(db, "INSERT INTO book (author_id, title, price) VALUES (2, '  D  ', 3)");
      assertThat(rows(c, "SELECT title FROM cheap_book ORDER BY id"))
          .containsExactly("A", "C", "D").inOrder();
      assertThat(rows(c, "PRAGMA integrity_check")).containsExactly("ok");
      // The start-up check compares what the entities declare, and passes.
      try (ShadowDatabase expected = ShadowDatabase.open()) {
        Migrations.fromDirectory(folder).forEach(expected::replay);
        List<String> handWritten = HAND_WRITTEN.stream().map(HandWrittenObjectsTest::nameOf)
            .toList();
        SqliteSchemaCheck.verify(c,
            expected.schema().withIndexes(index -> !handWritten.contains(index.name())));
      }
    }
  }

  private static String nameOf(String createSql) {
    return createSql.replaceAll("^CREATE \\w+ \"([^\"]+)\".*$", "$1");
  }

  private static void migrate(Path folder, Path db) throws SQLException {
    List<Migration> migrations = Migrations.fromDirectory(folder);
    try (Connection c = open(db)) {
      Migrator.builder(c).migrations(migrations).build().migrate();
    }
  }

}
