package dev.kiln.processor.migrate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.kiln.processor.migrate.Builds.build;
import static dev.kiln.processor.migrate.Builds.entity;
import static dev.kiln.processor.migrate.Builds.files;
import static dev.kiln.processor.migrate.Builds.ok;
import static dev.kiln.processor.migrate.Builds.read;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migration files a build writes, and the builds that refuse to write one. */
class MigrationGenerationTest {

  private static final JavaFileObject AUTHOR = entity("Author", """
      @Table
      public record Author(
          @Id(autoGenerate = true) long id,
          String name,
          @Column(unique = true) String email) {}
      """);
  private static final JavaFileObject BOOK = entity("Book", """
      @Table
      @Index(columns = "authorId")
      public record Book(
          @Id(autoGenerate = true) long id,
          @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
          String title,
          @Nullable String subtitle) {}
      """);

  @TempDir Path folder;

  private static JavaFileObject author(String components) {
    return entity("Author", "@Table\npublic record Author(" + components + ") {}\n");
  }

  private static JavaFileObject book(String annotations, String components) {
    return entity("Book", "@Table\n" + annotations + "\npublic record Book(" + components
        + ") {}\n");
  }

  private static final String BOOK_KEYS = "@Id(autoGenerate = true) long id,\n"
      + "@ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,\n";

  @Test
  void theFirstBuildWritesV1AndARebuildWritesNothing() throws IOException {
    Compilation first = ok(folder, AUTHOR, BOOK);
    assertThat(files(folder)).containsExactly("V1__create_table_author_and_book.sql");
    String v1 = read(folder.resolve("V1__create_table_author_and_book.sql"));
    assertThat(v1).startsWith("-- V1__create_table_author_and_book.sql\n-- Written by Kiln");
    assertThat(v1).contains("the schema of an empty database to\n-- the schema of the entities");
    assertThat(v1).contains("CREATE TABLE \"author\" (\n  \"id\" INTEGER NOT NULL,");
    assertThat(v1).contains("CREATE UNIQUE INDEX \"ux_author_email\" ON \"author\" (\"email\");");
    assertThat(v1).contains("CREATE INDEX \"ix_book_author_id\" ON \"book\" (\"author_id\");");
    assertThat(v1.indexOf("CREATE TABLE \"author\"")).isLessThan(
        v1.indexOf("CREATE TABLE \"book\""));
    assertThat(first).hadNoteContaining("[KILN-034] wrote migration"
        + " V1__create_table_author_and_book.sql");
    assertThat(first).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "db/kiln/V1__create_table_author_and_book.sql").contentsAsUtf8String().isEqualTo(v1);

    Compilation second = ok(folder, AUTHOR, BOOK);
    assertThat(files(folder)).containsExactly("V1__create_table_author_and_book.sql");
    // Still published: a recompiling build deletes what the previous compilation wrote.
    assertThat(second).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "db/kiln/V1__create_table_author_and_book.sql").contentsAsUtf8String().isEqualTo(v1);
    assertThat(second.notes().stream().map(Object::toString).filter(n -> n.contains("KILN-034"))
        .toList()).isEmpty();
    assertThat(read(folder.resolve("V1__create_table_author_and_book.sql"))).isEqualTo(v1);
  }

  @Test
  void aNewNullableColumnIsAddedInPlace() {
    ok(folder, AUTHOR, BOOK);
    Compilation c = ok(folder, author("@Id(autoGenerate = true) long id, String name,"
        + " @Column(unique = true) String email, @Nullable String bio"), BOOK);
    assertThat(files(folder)).contains("V2__add_column_author_bio.sql");
    String v2 = read(folder.resolve("V2__add_column_author_bio.sql"));
    assertThat(v2).contains("\nALTER TABLE \"author\" ADD COLUMN \"bio\" TEXT;\n");
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "db/kiln/V2__add_column_author_bio.sql").contentsAsUtf8String().isEqualTo(v2);
    assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "",
        "db/kiln/V1__create_table_author_and_book.sql");
  }

  @Test
  void aNewEntityCreatesItsTable() {
    ok(folder, AUTHOR, BOOK);
    ok(folder, AUTHOR, BOOK, entity("Review", """
        @Table
        @Index(columns = "bookId")
        public record Review(@Id long id, @ForeignKey(Book.class) long bookId, int stars) {}
        """));
    String v2 = read(folder.resolve("V2__create_table_review.sql"));
    assertThat(v2).contains("FOREIGN KEY (\"book_id\") REFERENCES \"book\" (\"id\")");
    assertThat(v2).contains("CREATE INDEX \"ix_review_book_id\"");
  }

  @Test
  void aRenamedPropertyRenamesItsColumn() {
    ok(folder, AUTHOR, BOOK);
    ok(folder, AUTHOR, book("@Index(columns = \"authorId\")", BOOK_KEYS
        + "@Column(renamedFrom = \"title\") String name, @Nullable String subtitle"));
    assertThat(read(folder.resolve("V2__rename_column_book_title_to_name.sql")))
        .contains("ALTER TABLE \"book\" RENAME COLUMN \"title\" TO \"name\";");
    // Once renamed, the attribute may stay or go: nothing more is written either way.
    ok(folder, AUTHOR, book("@Index(columns = \"authorId\")", BOOK_KEYS
        + "String name, @Nullable String subtitle"));
    assertThat(files(folder)).hasSize(2);
  }

  @Test
  void indexesAreAddedDroppedAndMadeUniqueOrPartial() {
    ok(folder, AUTHOR, BOOK);
    ok(folder, AUTHOR, book("@Index(columns = \"title\", unique = true)\n"
        + "@Index(name = \"ix_subtitle\", columns = \"subtitle\", where = \"subtitle IS NOT NULL\")",
        BOOK_KEYS + "String title, @Nullable String subtitle"));
    String v2 = read(folder.resolve(files(folder).get(1)));
    assertThat(files(folder).get(1)).isEqualTo(
        "V2__drop_index_ix_book_author_id_and_create_index_ix_subtitle_and_more.sql");
    assertThat(v2).contains("DROP INDEX \"ix_book_author_id\";");
    assertThat(v2).contains("CREATE UNIQUE INDEX \"ux_book_title\" ON \"book\" (\"title\");");
    assertThat(v2).contains("CREATE INDEX \"ix_subtitle\" ON \"book\" (\"subtitle\") WHERE"
        + " subtitle IS NOT NULL;");
  }

  @Test
  void nullabilityChangesRebuildTheTable() {
    ok(folder, AUTHOR, BOOK);
    ok(folder, AUTHOR, book("@Index(columns = \"authorId\")", BOOK_KEYS
        + "@Nullable String title, @Column(defaultValue = \"''\") String subtitle"));
    String v2 = read(folder.resolve("V2__rebuild_table_book.sql"));
    assertThat(v2).contains("-- rebuild table \"book\" to let \"title\" be NULL, make"
        + " \"subtitle\" NOT NULL, change the default of\n-- \"subtitle\". SQLite's ALTER TABLE"
        + " cannot do that");
    assertThat(v2).contains("CREATE TABLE \"kiln_new_book\" (");
    assertThat(v2).contains("INSERT INTO \"kiln_new_book\" (\"id\", \"author_id\", \"title\","
        + " \"subtitle\")\nSELECT \"id\", \"author_id\", \"title\", COALESCE(\"subtitle\", '')\n"
        + "FROM \"book\";");
    assertThat(v2).contains("DROP TABLE \"book\";\n\nALTER TABLE \"kiln_new_book\" RENAME TO"
        + " \"book\";\n\nCREATE INDEX \"ix_book_author_id\"");
  }

  @Test
  void aRequiredColumnWithoutDefaultIsWrittenWithAWarning() {
    ok(folder, AUTHOR, BOOK);
    Compilation c = ok(folder, author("@Id(autoGenerate = true) long id, String name,"
        + " @Column(unique = true) String email, int rating"), BOOK);
    assertThat(c).hadWarningContaining("[KILN-033] author.rating is new, NOT NULL and has no"
        + " default");
    assertThat(c).hadWarningContaining("@Column(defaultValue = …)");
    assertThat(read(folder.resolve("V2__rebuild_table_author.sql")))
        .contains("-- Warning: author.rating is new, NOT NULL and has no default");
  }

  @Test
  void aDroppedColumnStopsTheBuildUntilAllowed() {
    ok(folder, AUTHOR, BOOK);
    JavaFileObject withoutEmail = author("@Id(autoGenerate = true) long id, String name");
    Compilation refused = build(folder, List.of(), withoutEmail, BOOK);
    assertThat(refused).failed();
    assertThat(refused).hadErrorContaining("[KILN-030] the next migration would destroy data:"
        + " column author.email and every value in it");
    assertThat(refused).hadErrorContaining("-Akiln.allowDestructive=author.email");
    assertThat(refused).hadErrorContaining("<arg>-Akiln.allowDestructive=author.email</arg>");
    assertThat(refused).hadErrorContaining("@Column(renamedFrom = \"email\")");
    assertThat(refused).hadErrorContaining(folder.resolve("V2__<description>.sql").toString());
    assertThat(files(folder)).hasSize(1);

    Compilation allowed = build(folder, List.of("-Akiln.allowDestructive=author.email"),
        withoutEmail, BOOK);
    assertThat(allowed).succeeded();
    assertThat(files(folder)).contains("V2__rebuild_table_author.sql");
    String v2 = read(folder.resolve("V2__rebuild_table_author.sql"));
    assertThat(v2).contains("drop column \"email\"");
    assertThat(v2).doesNotContain("ux_author_email");

    Compilation stale = build(folder, List.of("-Akiln.allowDestructive=author.email"),
        withoutEmail, BOOK);
    assertThat(stale).succeeded();
    assertThat(stale).hadWarningContaining("[KILN-036] -Akiln.allowDestructive names"
        + " 'author.email', but no migration needs to destroy it");
  }

  @Test
  void aDroppedTableStopsTheBuildUntilAllowed() {
    ok(folder, AUTHOR, BOOK);
    Compilation refused = build(folder, List.of(), AUTHOR);
    assertThat(refused).failed();
    assertThat(refused).hadErrorContaining("table book and all its rows");
    assertThat(refused).hadErrorContaining("-Akiln.allowDestructive=book");
    assertThat(refused).hadErrorContaining("@Table(renamedFrom = \"book\")");
    assertThat(refused).hadErrorContaining("@Table(name = \"book\")");
    assertThat(build(folder, List.of("-Akiln.allowDestructive=book"), AUTHOR)).succeeded();
    assertThat(read(folder.resolve("V2__drop_table_book.sql"))).contains("DROP TABLE \"book\";");
  }

  @Test
  void aNarrowedTypeStopsTheBuildOnTheProperty() {
    ok(folder, AUTHOR, BOOK);
    JavaFileObject numericName = author("@Id(autoGenerate = true) long id,\n"
        + " long name, @Column(unique = true) String email");
    Compilation refused = build(folder, List.of(), numericName, BOOK);
    assertThat(refused).hadErrorContaining("the values of author.name that are not INTEGER")
        .inFile(numericName).onLineContaining("long name");
    assertThat(refused).hadErrorContaining("-Akiln.allowDestructive=author.name");
  }

  @Test
  void handWrittenMigrationsTakePartInTheReplay() throws IOException {
    ok(folder, AUTHOR, BOOK);
    Files.writeString(folder.resolve("V2__seed_and_bio.sql"), """
        -- written by hand: a column and the data for it
        ALTER TABLE author ADD COLUMN bio TEXT;
        UPDATE author SET bio = 'unknown';
        INSERT INTO author (name, email, bio) VALUES ('Ann', 'ann@example.org', 'seed');
        """);
    ok(folder, author("@Id(autoGenerate = true) long id, String name,"
        + " @Column(unique = true) String email, @Nullable String bio"), BOOK);
    assertThat(files(folder)).containsExactly("V1__create_table_author_and_book.sql",
        "V2__seed_and_bio.sql");
  }

  @Test
  void handWrittenViewsSurviveARenameAndARebuild() throws IOException {
    ok(folder, AUTHOR, BOOK);
    Files.writeString(folder.resolve("V2__titles_view.sql"),
        "CREATE VIEW titles AS SELECT title FROM book WHERE subtitle IS NULL;\n");
    ok(folder, AUTHOR, book("@Index(columns = \"authorId\")", BOOK_KEYS
        + "@Column(renamedFrom = \"title\") String name,"
        + " @Column(defaultValue = \"''\") String subtitle"));
    String v3 = read(folder.resolve(
        "V3__rename_column_book_title_to_name_and_rebuild_table_book.sql"));
    assertThat(v3).contains("DROP VIEW \"titles\";");
    // Re-created as SQLite rewrote it for the rename; the build replayed V1 to V3 to check it.
    assertThat(v3).contains("CREATE VIEW titles AS SELECT \"name\" FROM book WHERE subtitle IS"
        + " NULL;");
    assertThat(v3.indexOf("DROP VIEW")).isLessThan(v3.indexOf("CREATE TABLE \"kiln_new_book\""));
  }

  @Test
  void aBrokenOrMisnamedMigrationIsAnError() throws IOException {
    ok(folder, AUTHOR, BOOK);
    Files.writeString(folder.resolve("V2__broken.sql"), "ALTER TABLE nowhere ADD COLUMN x;\n");
    Compilation broken = build(folder, List.of(), AUTHOR, BOOK);
    assertThat(broken).hadErrorContaining("[KILN-031] migration V2__broken.sql does not run");
    assertThat(broken).hadErrorContaining("no such table: nowhere");
    Files.delete(folder.resolve("V2__broken.sql"));
    Files.writeString(folder.resolve("V2_misnamed.sql"), "SELECT 1;\n");
    Compilation misnamed = build(folder, List.of(), AUTHOR, BOOK);
    assertThat(misnamed).hadErrorContaining("[KILN-032] the migrations in");
    assertThat(misnamed).hadErrorContaining("V2_misnamed.sql");
    Files.delete(folder.resolve("V2_misnamed.sql"));
    Files.writeString(folder.resolve("V3__skips_two.sql"), "SELECT 1;\n");
    assertThat(build(folder, List.of(), AUTHOR, BOOK))
        .hadErrorContaining("no migration has version 2");
  }

  @Test
  void withoutTheOptionTheBuildWarnsAndWritesNothing() {
    Compilation c = build(null, List.of(), AUTHOR, BOOK);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[KILN-100]");
    assertThat(c).hadWarningContaining("-Akiln.migrations=");
    assertThat(c.generatedFiles().stream().map(JavaFileObject::getName)
        .filter(n -> n.endsWith(".sql")).toList()).isEmpty();
  }

  @Test
  void aBuildWithErrorsWritesNoMigration() {
    Compilation c = build(folder, List.of(), entity("Broken", """
        @Table
        public record Broken(String noId) {}
        """));
    assertThat(c).failed();
    assertThat(files(folder)).isEmpty();
  }
}
