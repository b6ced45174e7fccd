package dev.kiln.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.kiln.processor.migrate.Builds.build;
import static dev.kiln.processor.migrate.Builds.entity;
import static dev.kiln.processor.migrate.Builds.files;
import static dev.kiln.processor.migrate.Builds.ok;
import static dev.kiln.processor.migrate.SqliteFiles.execute;
import static dev.kiln.processor.migrate.SqliteFiles.open;
import static dev.kiln.processor.migrate.SqliteFiles.rows;

import com.google.testing.compile.CompilationSubject;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.Migrator;
import dev.kiln.migrations.diff.SchemaDiff;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.SchemaReader;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application's schema evolving through six builds — a new table, new columns, a rename,
 * index changes and nullability changes that rebuild parent and child tables — each build's
 * migration applied to one database file that has rows in every table. Every row survives, and
 * the database stays sound.
 */
class SchemaEvolutionTest {

  @TempDir Path dir;

  static final String AUTHOR_V1 = """
      @Table
      public record Author(@Id(autoGenerate = true) long id, String name,
          @Column(unique = true) String email) {}
      """;
  static final String BOOK_V1 = """
      @Table
      @Index(columns = "authorId")
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String title, @Nullable String subtitle) {}
      """;
  static final String REVIEW = """
      @Table
      @Index(columns = "bookId")
      public record Review(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Book.class, onDelete = ForeignKey.Action.CASCADE) long bookId,
          int stars) {}
      """;
  static final String AUTHOR_V3 = """
      @Table
      public record Author(@Id(autoGenerate = true) long id, String name,
          @Column(unique = true) String email, @Nullable String bio,
          @Column(defaultValue = "0") int rating) {}
      """;
  static final String BOOK_V4 = """
      @Table
      @Index(columns = "authorId")
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          @Column(renamedFrom = "title") String name, @Nullable String subtitle) {}
      """;
  static final String BOOK_V5 = """
      @Table
      @Index(columns = "authorId")
      @Index(columns = "name", unique = true)
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String name, @Nullable String subtitle) {}
      """;
  static final String REVIEW_V5 = """
      @Table
      @Index(name = "ix_review_good", columns = "bookId", where = "stars >= 4")
      public record Review(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Book.class, onDelete = ForeignKey.Action.CASCADE) long bookId,
          int stars) {}
      """;
  static final String AUTHOR_V6 = """
      @Table
      public record Author(@Id(autoGenerate = true) long id, @Nullable String name,
          @Column(unique = true) String email, @Nullable String bio,
          @Column(defaultValue = "0") int rating) {}
      """;
  static final String BOOK_V6 = """
      @Table
      @Index(columns = "authorId")
      @Index(columns = "name", unique = true)
      public record Book(@Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String name, @Column(defaultValue = "'none'") String subtitle) {}
      """;

  @Test
  void everyRowSurvivesSixVersionsOfTheSchema() throws Exception {
    Path folder = dir.resolve("src/main/resources/db/kiln");
    Path db = dir.resolve("app.db");
    List<String> written = new ArrayList<>();

    step(folder, db, written, "V1__create_table_author_and_book.sql",
        sources(AUTHOR_V1, BOOK_V1));
    execute(db, "INSERT INTO author (name, email) VALUES ('Ann', 'ann@x'), ('Bo', 'bo@x')",
        "INSERT INTO book (author_id, title, subtitle) VALUES (1, 'A', NULL), (1, 'B', 'b'),"
            + " (2, 'C', NULL)");

    step(folder, db, written, "V2__create_table_review.sql", sources(AUTHOR_V1, BOOK_V1, REVIEW));
    execute(db, "INSERT INTO review (book_id, stars) VALUES (1, 5), (2, 3), (3, 4)",
        "INSERT INTO book (author_id, title) VALUES (2, 'D')");

    step(folder, db, written, "V3__add_column_author_bio_and_author_rating.sql",
        sources(AUTHOR_V3, BOOK_V1, REVIEW));
    execute(db, "INSERT INTO author (name, email, bio, rating) VALUES ('Cy', 'cy@x', 'bio', 5)",
        "INSERT INTO book (author_id, title) VALUES (3, 'E')",
        "INSERT INTO review (book_id, stars) VALUES (5, 2)");

    step(folder, db, written, "V4__rename_column_book_title_to_name.sql",
        sources(AUTHOR_V3, BOOK_V4, REVIEW));
    execute(db, "INSERT INTO book (author_id, name) VALUES (3, 'F')",
        "INSERT INTO review (book_id, stars) VALUES (6, 5)");

    step(folder, db, written,
        "V5__drop_index_ix_review_book_id_and_create_index_ux_book_name_and_more.sql",
        sources(AUTHOR_V3, BOOK_V5, REVIEW_V5));
    execute(db, "INSERT INTO author (name, email) VALUES ('Di', 'di@x')",
        "INSERT INTO book (author_id, name, subtitle) VALUES (4, 'G', 'g')",
        "INSERT INTO review (book_id, stars) VALUES (7, 1)");

    step(folder, db, written, "V6__rebuild_table_author_and_book.sql",
        sources(AUTHOR_V6, BOOK_V6, REVIEW_V5));
    execute(db, "INSERT INTO author (name, email) VALUES (NULL, 'anon@x')");

    try (Connection c = open(db)) {
      assertThat(rows(c, "SELECT id, name, email, bio, rating FROM author ORDER BY id"))
          .containsExactly("1|Ann|ann@x|null|0", "2|Bo|bo@x|null|0", "3|Cy|cy@x|bio|5",
              "4|Di|di@x|null|0", "5|null|anon@x|null|0").inOrder();
      assertThat(rows(c, "SELECT id, author_id, name, subtitle FROM book ORDER BY id"))
          .containsExactly("1|1|A|none", "2|1|B|b", "3|2|C|none", "4|2|D|none", "5|3|E|none",
              "6|3|F|none", "7|4|G|g").inOrder();
      assertThat(rows(c, "SELECT id, book_id, stars FROM review ORDER BY id"))
          .containsExactly("1|1|5", "2|2|3", "3|3|4", "4|5|2", "5|6|5", "6|7|1").inOrder();
      assertThat(rows(c, "PRAGMA integrity_check")).containsExactly("ok");
      assertThat(rows(c, "SELECT * FROM pragma_foreign_key_check")).isEmpty();
      assertThat(rows(c, "SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT"
          + " NULL ORDER BY name")).containsExactly("ix_book_author_id", "ix_review_good",
              "ux_author_email", "ux_book_name").inOrder();
      // The foreign keys still cascade after the rebuilds.
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA foreign_keys = ON");
        st.execute("DELETE FROM author WHERE id = 1");
      }
      assertThat(rows(c, "SELECT count(*) FROM book WHERE author_id = 1")).containsExactly("0");
      assertThat(rows(c, "SELECT count(*) FROM review WHERE book_id IN (1, 2)"))
          .containsExactly("0");
    }
    assertThat(files(folder)).containsExactlyElementsIn(written).inOrder();
  }

  @Test
  void aRenamedEntityKeepsItsTableRowsAndChildren() throws Exception {
    Path folder = dir.resolve("src/main/resources/db/kiln");
    Path db = dir.resolve("app.db");
    List<String> written = new ArrayList<>();
    String writer = """
        @Table
        @Index(columns = "name")
        public record Writer(@Id(autoGenerate = true) long id, String name) {}
        """;
    String book = """
        @Table
        @Index(columns = "writerId")
        public record Book(@Id(autoGenerate = true) long id,
            @ForeignKey(value = Writer.class, onDelete = ForeignKey.Action.CASCADE) long writerId,
            String title) {}
        """;
    step(folder, db, written, "V1__create_table_writer_and_book.sql", sources(writer, book));
    execute(db, "INSERT INTO writer (name) VALUES ('Ann'), ('Bo')",
        "INSERT INTO book (writer_id, title) VALUES (1, 'A'), (1, 'B'), (2, 'C')");

    String author = """
        @Table(renamedFrom = "writer")
        @Index(columns = "name")
        public record Author(@Id(autoGenerate = true) long id, String name) {}
        """;
    String bookOfAuthor = """
        @Table
        @Index(columns = "authorId")
        public record Book(@Id(autoGenerate = true) long id,
            @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE)
            @Column(renamedFrom = "writer_id") long authorId,
            String title) {}
        """;
    step(folder, db, written, "V2__rename_table_writer_to_author_and_more.sql",
        sources(author, bookOfAuthor));
    String v2 = Files.readString(folder.resolve(written.get(1)));
    assertThat(v2).contains("ALTER TABLE \"writer\" RENAME TO \"author\";");
    assertThat(v2).contains("ALTER TABLE \"book\" RENAME COLUMN \"writer_id\" TO \"author_id\";");
    assertThat(v2).doesNotContain("DROP TABLE");

    try (Connection c = open(db)) {
      assertThat(rows(c, "SELECT id, name FROM author ORDER BY id"))
          .containsExactly("1|Ann", "2|Bo").inOrder();
      assertThat(rows(c, "SELECT id, author_id, title FROM book ORDER BY id"))
          .containsExactly("1|1|A", "2|1|B", "3|2|C").inOrder();
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA foreign_keys = ON");
        st.execute("DELETE FROM author WHERE id = 1");
      }
      assertThat(rows(c, "SELECT id FROM book ORDER BY id")).containsExactly("3");
    }
  }

  /**
   * Builds {@code sources}, expects exactly the migration {@code expected} to be written, applies
   * it to {@code db}, and checks that the database then has the schema of all the files.
   */
  private void step(Path folder, Path db, List<String> written, String expected,
      JavaFileObject... sources) throws SQLException {
    ok(folder, sources);
    written.add(expected);
    assertThat(files(folder)).containsExactlyElementsIn(written).inOrder();
    // A rebuild with no change writes nothing more.
    CompilationSubject.assertThat(build(folder, List.of(), sources)).succeeded();
    assertThat(files(folder)).hasSize(written.size());

    List<Migration> migrations = Migrations.fromDirectory(folder);
    MigrationResult result = Migrator.builder(open(db)).migrations(migrations).build().migrate();
    assertThat(result.versions()).containsExactly(written.size());
    try (Connection c = open(db); ShadowDatabase shadow = ShadowDatabase.open()) {
      migrations.forEach(shadow::replay);
      Schema live = SchemaReader.read(c, Migrator.HISTORY_TABLE);
      assertThat(SchemaDiff.compare(live, shadow.schema()).changes()).isEmpty();
      assertThat(rows(c, "PRAGMA integrity_check")).containsExactly("ok");
      assertThat(rows(c, "SELECT * FROM pragma_foreign_key_check")).isEmpty();
    }
  }

  static JavaFileObject[] sources(String... declarations) {
    Map<String, JavaFileObject> byName = new TreeMap<>();
    for (String declaration : declarations) {
      String name = declaration.replaceAll("(?s).*public record (\\w+).*", "$1");
      byName.put(name, entity(name, declaration));
    }
    return byName.values().toArray(JavaFileObject[]::new);
  }

}
