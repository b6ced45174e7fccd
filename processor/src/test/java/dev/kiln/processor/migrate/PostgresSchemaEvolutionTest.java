package dev.kiln.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static dev.kiln.processor.migrate.Builds.build;
import static dev.kiln.processor.migrate.Builds.files;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.AUTHOR_V1;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.AUTHOR_V3;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.AUTHOR_V6;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.BOOK_V1;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.BOOK_V4;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.BOOK_V5;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.BOOK_V6;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.REVIEW;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.REVIEW_V5;
import static dev.kiln.processor.migrate.SchemaEvolutionTest.sources;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.CompilationSubject;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.Migrator;
import dev.kiln.migrations.PostgresServer;
import dev.kiln.migrations.dialect.postgresql.PostgresSchemaCheck;
import dev.kiln.migrations.dialect.postgresql.SchemaSnapshot;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The six builds of {@link SchemaEvolutionTest}, with {@code -Akiln.dialects=sqlite,postgresql},
 * each build's PostgreSQL migration applied to one real PostgreSQL database that has rows in every
 * table: every row survives, constraints hold, the live schema is the entities' schema. Then the
 * migrator's promises on PostgreSQL: a changed file is refused, and two migrators racing apply
 * each migration once.
 */
class PostgresSchemaEvolutionTest {

  private static final List<String> BOTH = List.of("-Akiln.dialects=sqlite,postgresql");

  @TempDir Path dir;

  @Test
  void everyRowSurvivesSixVersionsOfTheSchema() throws Exception {
    Path folder = dir.resolve("db");
    String url = PostgresServer.newDatabase();

    step(folder, url, sources(AUTHOR_V1, BOOK_V1));
    execute(url, "INSERT INTO author (name, email) VALUES ('Ann', 'ann@x'), ('Bo', 'bo@x')",
        "INSERT INTO book (author_id, title, subtitle) VALUES (1, 'A', NULL), (1, 'B', 'b'),"
            + " (2, 'C', NULL)");
    step(folder, url, sources(AUTHOR_V1, BOOK_V1, REVIEW));
    execute(url, "INSERT INTO review (book_id, stars) VALUES (1, 5), (2, 3), (3, 4)",
        "INSERT INTO book (author_id, title) VALUES (2, 'D')");
    step(folder, url, sources(AUTHOR_V3, BOOK_V1, REVIEW));
    execute(url, "INSERT INTO author (name, email, bio, rating) VALUES ('Cy', 'cy@x', 'bio', 5)",
        "INSERT INTO book (author_id, title) VALUES (3, 'E')",
        "INSERT INTO review (book_id, stars) VALUES (5, 2)");
    step(folder, url, sources(AUTHOR_V3, BOOK_V4, REVIEW));
    execute(url, "INSERT INTO book (author_id, name) VALUES (3, 'F')",
        "INSERT INTO review (book_id, stars) VALUES (6, 5)");
    step(folder, url, sources(AUTHOR_V3, BOOK_V5, REVIEW_V5));
    execute(url, "INSERT INTO author (name, email) VALUES ('Di', 'di@x')",
        "INSERT INTO book (author_id, name, subtitle) VALUES (4, 'G', 'g')",
        "INSERT INTO review (book_id, stars) VALUES (7, 1)");
    step(folder, url, sources(AUTHOR_V6, BOOK_V6, REVIEW_V5));
    execute(url, "INSERT INTO author (name, email) VALUES (NULL, 'anon@x')");

    Path postgres = folder.resolve("postgresql");
    assertThat(files(postgres).stream().filter(f -> f.startsWith("V")).toList()).hasSize(6);
    String renaming = Files.readString(postgres.resolve(files(postgres).stream()
        .filter(f -> f.startsWith("V4")).findFirst().orElseThrow()));
    assertThat(renaming).contains("ALTER TABLE \"book\" RENAME COLUMN \"title\" TO \"name\"");
    try (Connection c = PostgresServer.connect(url)) {
      assertThat(rows(c, "SELECT id, name, email, bio, rating FROM author ORDER BY id"))
          .containsExactly("1|Ann|ann@x|null|0", "2|Bo|bo@x|null|0", "3|Cy|cy@x|bio|5",
              "4|Di|di@x|null|0", "5|null|anon@x|null|0").inOrder();
      assertThat(rows(c, "SELECT id, author_id, name, subtitle FROM book ORDER BY id"))
          .containsExactly("1|1|A|none", "2|1|B|b", "3|2|C|none", "4|2|D|none", "5|3|E|none",
              "6|3|F|none", "7|4|G|g").inOrder();
      assertThat(rows(c, "SELECT id, book_id, stars FROM review ORDER BY id"))
          .containsExactly("1|1|5", "2|2|3", "3|3|4", "4|5|2", "5|6|5", "6|7|1").inOrder();
      assertThat(rows(c, "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
          + " AND indexname NOT LIKE '%_pkey' AND indexname <> 'kiln_schema_history_pkey'"
          + " ORDER BY 1")).containsExactly("ix_book_author_id", "ix_review_good",
              "ux_author_email", "ux_book_name").inOrder();
      // keys still come from the identity columns, and the foreign keys still cascade
      execute(url, "INSERT INTO author (email) VALUES ('eve@x')");
      assertThat(rows(c, "SELECT max(id) FROM author")).containsExactly("6");
      execute(url, "DELETE FROM author WHERE id = 1");
      assertThat(rows(c, "SELECT count(*) FROM book WHERE author_id = 1")).containsExactly("0");
      assertThat(rows(c, "SELECT count(*) FROM review WHERE book_id IN (1, 2)"))
          .containsExactly("0");
    }
  }

  @Test
  void aChangedMigrationIsRefusedAndTwoMigratorsApplyEachOnce() throws Exception {
    Path folder = dir.resolve("db");
    CompilationSubject.assertThat(build(folder, BOTH, sources(AUTHOR_V1, BOOK_V1))).succeeded();
    CompilationSubject.assertThat(build(folder, BOTH, sources(AUTHOR_V1, BOOK_V1, REVIEW)))
        .succeeded();
    List<Migration> migrations = Migrations.fromDirectory(folder.resolve("postgresql"));
    String url = PostgresServer.newDatabase();

    // Two application nodes start at once: the advisory lock lets one migrate, the other waits
    // and finds nothing left to do.
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<MigrationResult>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      results.add(nodes.submit(() -> {
        try (Connection c = PostgresServer.connect(url)) {
          start.await();
          return Migrator.builder(c).migrations(migrations).build().migrate();
        }
      }));
    }
    start.countDown();
    List<Integer> applied = new ArrayList<>();
    for (Future<MigrationResult> result : results) {
      applied.addAll(result.get().versions());
    }
    nodes.shutdown();
    assertThat(applied).containsExactly(1, 2);
    try (Connection c = PostgresServer.connect(url)) {
      assertThat(rows(c, "SELECT version, success FROM kiln_schema_history ORDER BY 1"))
          .containsExactly("1|true", "2|true").inOrder();
    }

    // A file changed after it was applied: its checksum no longer matches the history.
    Migration v1 = migrations.get(0);
    List<Migration> tampered = new ArrayList<>(migrations);
    tampered.set(0, Migration.of(v1.script(), v1.sql() + "\n-- edited\nSELECT 1;\n",
        v1.location()));
    try (Connection c = PostgresServer.connect(url)) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrator.builder(c).migrations(tampered).build().migrate());
      assertThat(e).hasMessageThat().contains(v1.script());
    }
  }

  @Test
  void aFailingMigrationIsRolledBackWhole() throws Exception {
    Path folder = dir.resolve("db");
    CompilationSubject.assertThat(build(folder, BOTH, sources(AUTHOR_V1, BOOK_V1))).succeeded();
    List<Migration> migrations = new ArrayList<>(
        Migrations.fromDirectory(folder.resolve("postgresql")));
    migrations.add(Migration.of("V2__broken.sql", "CREATE TABLE extra (id bigint);\n"
        + "ALTER TABLE author ADD COLUMN age integer;\nALTER TABLE nowhere ADD COLUMN x int;\n",
        "V2__broken.sql"));
    String url = PostgresServer.newDatabase();
    try (Connection c = PostgresServer.connect(url)) {
      MigrationException e = assertThrows(MigrationException.class,
          () -> Migrator.builder(c).migrations(migrations).build().migrate());
      assertThat(e).hasMessageThat().contains("V2__broken.sql failed and was rolled back whole");
      assertThat(rows(c, "SELECT to_regclass('extra') IS NULL")).containsExactly("true");
      assertThat(rows(c, "SELECT count(*) FROM information_schema.columns"
          + " WHERE table_name = 'author' AND column_name = 'age'")).containsExactly("0");
      assertThat(rows(c, "SELECT version, success FROM kiln_schema_history ORDER BY 1"))
          .containsExactly("1|true", "2|false").inOrder();
    }
  }

  @Test
  void aHandWrittenFunctionAndTriggerBesideTheGeneratedMigrationsRunAsWritten() throws Exception {
    Path folder = dir.resolve("db");
    CompilationSubject.assertThat(build(folder, BOTH, sources(AUTHOR_V1, BOOK_V1))).succeeded();
    List<Migration> migrations = new ArrayList<>(
        Migrations.fromDirectory(folder.resolve("postgresql")));
    // PL/pgSQL carries its semicolons inside dollar quotes; a PostgreSQL trigger has no BEGIN.
    migrations.add(Migration.of("V2__lower_emails.sql", """
        CREATE FUNCTION lower_email() RETURNS trigger AS $$
        BEGIN
          NEW.email := lower(NEW.email);
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;
        CREATE TRIGGER author_lower_email BEFORE INSERT OR UPDATE ON author
          FOR EACH ROW EXECUTE FUNCTION lower_email();
        DO $body$ BEGIN UPDATE author SET email = email; END $body$;
        """, "V2__lower_emails.sql"));
    String url = PostgresServer.newDatabase();
    try (Connection c = PostgresServer.connect(url)) {
      MigrationResult result = Migrator.builder(c).migrations(migrations).build().migrate();
      assertThat(result.versions()).containsExactly(1, 2).inOrder();
      execute(url, "INSERT INTO author (name, email) VALUES ('Ann', 'Ann@Example.ORG')");
      assertThat(rows(c, "SELECT email FROM author")).containsExactly("ann@example.org");
    }
  }

  @Test
  void anIndexThatFoldsCaseServesIgnoreCaseOnTheServer() throws Exception {
    Path folder = dir.resolve("db");
    CompilationSubject.assertThat(build(folder, BOTH, sources("""
        @Table
        @Index(columns = {"name COLLATE NOCASE", "email DESC"})
        public record Author(@Id(autoGenerate = true) long id, String name, String email) {}
        """))).succeeded();
    String url = PostgresServer.newDatabase();
    try (Connection c = PostgresServer.connect(url)) {
      Migrator.builder(c).migrations(Migrations.fromDirectory(folder.resolve("postgresql")))
          .build().migrate();
      try (Statement st = c.createStatement()) {
        st.execute("SET enable_seqscan = off"); // a table of no rows: ask for the index plan
      }
      // the condition Kiln writes for a derived findByNameIgnoreCase on PostgreSQL
      String plan = String.join("\n", rows(c, "EXPLAIN SELECT id FROM author WHERE "
          + dev.kiln.migrations.dialect.SqlDialect.POSTGRESQL.foldCase("\"name\"") + " = "
          + dev.kiln.migrations.dialect.SqlDialect.POSTGRESQL.foldCase("'Ann'")));
      assertThat(plan).contains("ix_author_name_email");
    }
  }

  /**
   * Builds {@code sources}, applies the new PostgreSQL migration, and checks that the database
   * then has exactly the schema the snapshot records.
   */
  private void step(Path folder, String url, JavaFileObject... sources) throws SQLException {
    CompilationSubject.assertThat(build(folder, BOTH, sources)).succeeded();
    Path postgres = folder.resolve("postgresql");
    List<Migration> migrations = Migrations.fromDirectory(postgres);
    try (Connection c = PostgresServer.connect(url)) {
      MigrationResult result = Migrator.builder(c).migrations(migrations).build().migrate();
      assertThat(result.versions()).containsExactly(migrations.size());
      SchemaSnapshot snapshot = SchemaSnapshot.parse(
          Builds.read(postgres.resolve(SchemaSnapshot.FILE)));
      assertThat(PostgresSchemaCheck.differences(c, snapshot.schema())).isEmpty();
    }
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection c = PostgresServer.connect(url); Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  private static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(String.valueOf(rs.getObject(i))); // a boolean reads as true or false
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }
}
