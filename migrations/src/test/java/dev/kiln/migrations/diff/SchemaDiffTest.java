package dev.kiln.migrations.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.migrations.Sql;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.ShadowDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each kind of schema change: the steps the diff chooses, the data they keep, and that running
 * them on a database with rows produces exactly the target schema.
 */
class SchemaDiffTest {

  private static final String AUTHOR = "CREATE TABLE author (id INTEGER NOT NULL, name TEXT NOT"
      + " NULL, PRIMARY KEY (id)) STRICT";
  private static final String BOOK = "CREATE TABLE book (id INTEGER NOT NULL, author_id INTEGER"
      + " NOT NULL, title TEXT, PRIMARY KEY (id), FOREIGN KEY (author_id) REFERENCES author (id)"
      + " ON DELETE CASCADE) STRICT";
  private static final String ROWS = "INSERT INTO author VALUES (1, 'Ann'), (2, 'Bo');"
      + "INSERT INTO book VALUES (10, 1, 'One'), (11, 1, NULL), (12, 2, 'Three')";

  private ShadowDatabase db;

  @AfterEach
  void close() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  /** Plans from {@code from} (with {@link #ROWS}) to {@code to}, runs the plan, checks it. */
  private MigrationPlan migrate(List<String> from, List<String> to, Renames renames)
      throws SQLException {
    return migrate(from, to, renames, ROWS);
  }

  /** Plans from {@code from} (with {@code rows}) to {@code to}, runs the plan, checks it. */
  private MigrationPlan migrate(List<String> from, List<String> to, Renames renames, String rows)
      throws SQLException {
    db = ShadowDatabase.open();
    db.execute(from);
    Sql.run(db.connection(), rows.split(";"));
    Schema target = ShadowDatabase.schemaOf(to);
    MigrationPlan plan = SchemaDiff.plan(db.schema(), target, renames,
        SchemaObject.read(db.connection()));
    for (Change change : plan.changes()) {
      db.execute(change.statements());
    }
    assertTrue(SchemaDiff.compare(db.schema(), target).isEmpty(),
        () -> "left over: " + SchemaDiff.compare(schema(), target).changes());
    Sql.assertSound(db.connection());
    return plan;
  }

  private Schema schema() {
    try {
      return db.schema();
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private MigrationPlan migrate(List<String> from, List<String> to) throws SQLException {
    return migrate(from, to, Renames.none());
  }

  private Connection c() {
    return db.connection();
  }

  @Test
  void sameSchemaNeedsNothingWhateverTheColumnOrder() throws SQLException {
    Schema a = ShadowDatabase.schemaOf(List.of(AUTHOR, BOOK));
    Schema b = ShadowDatabase.schemaOf(List.of(AUTHOR, "CREATE TABLE book (title TEXT,"
        + " author_id INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (id),"
        + " FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE) STRICT"));
    assertTrue(SchemaDiff.compare(a, b).isEmpty());
  }

  @Test
  void newTableWithItsIndexes() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK), List.of(AUTHOR, BOOK,
        "CREATE TABLE review (id INTEGER NOT NULL, book_id INTEGER NOT NULL, PRIMARY KEY (id),"
            + " FOREIGN KEY (book_id) REFERENCES book (id)) STRICT",
        "CREATE INDEX ix_review_book_id ON review (book_id)"));
    CreateTable create = assertInstanceOf(CreateTable.class, plan.changes().get(0));
    assertEquals(2, create.statements().size());
    assertEquals("create_table_review", MigrationFile.summary(plan));
    assertTrue(plan.losses().isEmpty());
  }

  @Test
  void nullableOrDefaultedColumnsAreAddedInPlace() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK), List.of(
        AUTHOR.replace("name TEXT NOT NULL,", "name TEXT NOT NULL, bio TEXT, rating INTEGER NOT"
            + " NULL DEFAULT 3, editor_id INTEGER,").replace("PRIMARY KEY (id))",
            "PRIMARY KEY (id), FOREIGN KEY (editor_id) REFERENCES author (id))"), BOOK));
    assertEquals(3, plan.changes().size());
    plan.changes().forEach(ch -> assertInstanceOf(AddColumn.class, ch));
    assertEquals("ALTER TABLE \"author\" ADD COLUMN \"editor_id\" INTEGER REFERENCES \"author\""
        + " (\"id\")", plan.changes().get(2).statements().get(0));
    assertEquals(List.of("3", "3"), Sql.column(c(), "SELECT rating FROM author"));
    assertEquals("add_column_author_bio_and_author_rating_and_author_editor_id",
        MigrationFile.summary(plan));
    assertTrue(plan.risks().isEmpty());
  }

  @Test
  void aNotNullColumnWithoutDefaultRebuildsAndWarns() throws SQLException {
    db = ShadowDatabase.open();
    Schema from = ShadowDatabase.schemaOf(List.of(AUTHOR));
    Schema to = ShadowDatabase.schemaOf(List.of(AUTHOR.replace("name TEXT NOT NULL,",
        "name TEXT NOT NULL, born INTEGER NOT NULL,")));
    MigrationPlan plan = SchemaDiff.compare(from, to);
    RebuildTable rebuild = assertInstanceOf(RebuildTable.class, plan.changes().get(0));
    assertTrue(rebuild.description().contains("NOT NULL without a default"),
        rebuild.description());
    assertEquals(1, plan.risks().size());
    assertTrue(plan.risks().get(0).problem().contains("defaultValue"));
  }

  @Test
  void aDefaultThatIsAnExpressionRebuildsAndFillsTheRows() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK), List.of(AUTHOR.replace(
        "name TEXT NOT NULL,", "name TEXT NOT NULL, joined TEXT NOT NULL DEFAULT"
            + " CURRENT_TIMESTAMP,"), BOOK));
    assertInstanceOf(RebuildTable.class, plan.changes().get(0));
    assertEquals(0, Sql.count(c(), "SELECT count(*) FROM author WHERE joined IS NULL"));
    assertEquals(3, Sql.count(c(), "SELECT count(*) FROM book"), "cascade on drop");
  }

  @Test
  void nullabilityChangesRebuildAndKeepEveryRowAndChild() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK, "CREATE INDEX ix_book_title ON book"
            + " (title)"),
        List.of(AUTHOR.replace("name TEXT NOT NULL", "name TEXT"),
            BOOK.replace("title TEXT", "title TEXT NOT NULL DEFAULT 'untitled'"),
            "CREATE INDEX ix_book_title ON book (title)"));
    assertEquals(2, plan.changes().size());
    RebuildTable book = plan.changes().stream().filter(ch -> ch instanceof RebuildTable r
        && r.to().name().equals("book")).map(RebuildTable.class::cast).findFirst().orElseThrow();
    assertTrue(book.copy().get("title").startsWith("COALESCE("), book.copy().toString());
    assertEquals(List.of("One", "untitled", "Three"),
        Sql.column(c(), "SELECT title FROM book ORDER BY id"));
    assertEquals(List.of("ix_book_title"), Sql.column(c(),
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'book'"));
    assertEquals("rebuild_table_author_and_book", MigrationFile.summary(plan));
    assertTrue(plan.losses().isEmpty());
  }

  @Test
  void wideningATypeKeepsValuesNarrowingIsALoss() throws SQLException {
    MigrationPlan widen = migrate(List.of(AUTHOR, BOOK),
        List.of(AUTHOR, BOOK.replace("author_id INTEGER", "author_id TEXT")
            .replace("REFERENCES author (id)", "REFERENCES author (id)")));
    assertTrue(widen.losses().isEmpty());
    MigrationPlan narrow = migrate(List.of(AUTHOR, BOOK),
        List.of(AUTHOR.replace("name TEXT", "name INTEGER"), BOOK));
    assertEquals(1, narrow.losses().size());
    assertEquals("author.name", narrow.losses().get(0).allowKey());
  }

  @Test
  void droppedColumnsAndTablesAreLosses() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK,
            "CREATE TABLE note (id INTEGER PRIMARY KEY)"),
        List.of(AUTHOR, BOOK.replace(" title TEXT,", "")));
    assertEquals(List.of("book.title", "note"),
        plan.losses().stream().map(DataLoss::allowKey).toList());
    assertEquals(3, Sql.count(c(), "SELECT count(*) FROM book"));
  }

  @Test
  void indexesAreAddedDroppedAndChanged() throws SQLException {
    MigrationPlan plan = migrate(
        List.of(AUTHOR, BOOK, "CREATE INDEX ix_a ON book (title)",
            "CREATE INDEX ix_b ON book (author_id)", "CREATE INDEX ix_c ON book (id)"),
        List.of(AUTHOR, BOOK, "CREATE UNIQUE INDEX ix_a ON book (title)",
            "CREATE INDEX ix_b ON book (author_id) WHERE title IS NOT NULL",
            "CREATE INDEX ix_d ON author (name)"));
    assertEquals(List.of("DropIndex ix_a", "DropIndex ix_b", "DropIndex ix_c",
            "CreateIndex ix_d", "CreateIndex ix_a", "CreateIndex ix_b"),
        plan.changes().stream().map(ch -> ch.getClass().getSimpleName() + " " + ch.object())
            .toList());
    assertTrue(plan.losses().isEmpty());
  }

  @Test
  void renamedColumnsAreRenamedInPlace() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK, "CREATE INDEX ix_t ON book (title)"),
        List.of(AUTHOR, BOOK.replace("title TEXT", "name TEXT"), "CREATE INDEX ix_t ON book"
            + " (name)"), Renames.none().add("book", "title", "name"));
    assertEquals(1, plan.changes().size());
    assertEquals("ALTER TABLE \"book\" RENAME COLUMN \"title\" TO \"name\"",
        plan.changes().get(0).statements().get(0));
    assertEquals("rename_column_book_title_to_name", MigrationFile.summary(plan));
    assertEquals(List.of("One", "Three"),
        Sql.column(c(), "SELECT name FROM book WHERE name IS NOT NULL ORDER BY id"));
  }

  @Test
  void aRenamedTableKeepsItsRowsAndTheForeignKeysToIt() throws SQLException {
    String writer = AUTHOR.replace("TABLE author", "TABLE writer");
    MigrationPlan plan = migrate(
        List.of(writer, BOOK.replace("REFERENCES author", "REFERENCES writer"),
            "CREATE INDEX ix_writer_name ON writer (name)"),
        List.of(AUTHOR, BOOK.replace("title TEXT", "name TEXT"),
            "CREATE INDEX ix_author_name ON author (name)"),
        Renames.none().addTable("writer", "author").add("book", "title", "name"),
        "INSERT INTO writer VALUES (1, 'Ann'), (2, 'Bo');"
            + "INSERT INTO book VALUES (10, 1, 'One'), (11, 1, NULL), (12, 2, 'Three')");
    assertEquals(List.of(
            List.of("ALTER TABLE \"writer\" RENAME TO \"author\""),
            List.of("ALTER TABLE \"book\" RENAME COLUMN \"title\" TO \"name\""),
            List.of("DROP INDEX \"ix_writer_name\""),
            List.of("CREATE INDEX \"ix_author_name\" ON \"author\" (\"name\")")),
        plan.changes().stream().map(Change::statements).toList());
    assertTrue(plan.losses().isEmpty(), () -> "losses: " + plan.losses());
    assertEquals(List.of("Ann", "Bo"), Sql.column(c(), "SELECT name FROM author ORDER BY id"));
    assertEquals(List.of("1", "1", "2"),
        Sql.column(c(), "SELECT author_id FROM book ORDER BY id"));
    assertTrue(Sql.column(c(), "SELECT sql FROM sqlite_schema WHERE name = 'book'").get(0)
        .contains("REFERENCES \"author\""), "the foreign key follows the rename");
  }

  @Test
  void aTableRenameThatNoLongerAppliesIsLeftAlone() throws SQLException {
    // Already renamed (the old name is gone), and the old name still in use by the target.
    Renames renames = Renames.none().addTable("writer", "author").addTable("book", "volume");
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK), List.of(AUTHOR, BOOK), renames);
    assertTrue(plan.isEmpty(), () -> "changes: " + plan.changes());
  }

  @Test
  void changedForeignKeysRebuild() throws SQLException {
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK),
        List.of(AUTHOR, BOOK.replace("ON DELETE CASCADE", "ON DELETE RESTRICT")));
    assertInstanceOf(RebuildTable.class, plan.changes().get(0));
    Sql.run(c(), "PRAGMA foreign_keys = ON");
    try {
      Sql.run(c(), "DELETE FROM author WHERE id = 1");
      throw new AssertionError("RESTRICT did not take");
    } catch (SQLException expected) {
      assertTrue(expected.getMessage().contains("FOREIGN KEY"), expected.getMessage());
    }
  }

  @Test
  void aForeignKeyOnAnExistingColumnRebuilds() throws SQLException {
    String plain = "CREATE TABLE book (id INTEGER NOT NULL, author_id INTEGER NOT NULL,"
        + " title TEXT, PRIMARY KEY (id)) STRICT";
    MigrationPlan plan = migrate(List.of(AUTHOR, plain), List.of(AUTHOR, BOOK));
    RebuildTable rebuild = assertInstanceOf(RebuildTable.class, plan.changes().get(0));
    assertTrue(rebuild.description().contains("add the foreign key (\"author_id\") to"
        + " \"author\""), rebuild.description());
    assertEquals(1, Sql.count(c(), "SELECT count(*) FROM pragma_foreign_key_list('book')"
        + " WHERE on_delete = 'CASCADE'"));
  }

  @Test
  void viewsAndTriggersSurviveARebuild() throws SQLException {
    String view = "CREATE VIEW titles AS SELECT title FROM book";
    String trigger = "CREATE TRIGGER stamp AFTER INSERT ON author BEGIN"
        + " INSERT INTO book (id, author_id, title) VALUES (new.id * 100, new.id, 'auto'); END";
    String own = "CREATE TRIGGER upper AFTER INSERT ON book BEGIN"
        + " UPDATE book SET title = upper(title) WHERE id = new.id; END";
    MigrationPlan plan = migrate(List.of(AUTHOR, BOOK, view, trigger, own),
        List.of(AUTHOR, BOOK.replace("title TEXT", "title TEXT NOT NULL DEFAULT ''")));
    assertInstanceOf(DropDependents.class, plan.changes().get(0));
    assertInstanceOf(RecreateDependents.class, plan.changes().get(plan.changes().size() - 1));
    Sql.run(c(), "INSERT INTO author VALUES (3, 'Cy')");
    assertEquals(List.of("AUTO"), Sql.column(c(), "SELECT title FROM book WHERE id = 300"));
    assertEquals(6, Sql.count(c(), "SELECT count(*) FROM titles"));
  }

  @Test
  void longSummariesAreCapped() throws SQLException {
    Schema empty = ShadowDatabase.schemaOf(List.of());
    Schema many = ShadowDatabase.schemaOf(List.of(
        "CREATE TABLE alpha_table (id INTEGER PRIMARY KEY)",
        "CREATE TABLE beta_table (id INTEGER PRIMARY KEY)",
        "CREATE TABLE gamma_table (id INTEGER PRIMARY KEY)",
        "CREATE TABLE delta_table (id INTEGER PRIMARY KEY)",
        "CREATE TABLE epsilon_table (id INTEGER PRIMARY KEY)"));
    String summary = MigrationFile.summary(SchemaDiff.compare(empty, many));
    assertEquals("create_table_alpha_table_and_beta_table_and_delta_table_and_more", summary);
    assertTrue(summary.length() <= MigrationFile.MAX_SUMMARY);
    assertEquals("V7__" + summary + ".sql", MigrationFile.name(7, SchemaDiff.compare(empty,
        many)));
  }

  @Test
  void renderedFilesEndEveryStatementWithASemicolonAndCarryNoTime() throws SQLException {
    MigrationPlan plan = SchemaDiff.compare(ShadowDatabase.schemaOf(List.of(AUTHOR)),
        ShadowDatabase.schemaOf(List.of(AUTHOR.replace("name TEXT NOT NULL", "name TEXT"))));
    String file = MigrationFile.render("V2__x.sql", "V1", plan);
    assertTrue(file.startsWith("-- V2__x.sql\n-- Written by Kiln"), file);
    assertTrue(file.contains("CREATE TABLE \"kiln_new_author\" (\n  \"id\" INTEGER NOT NULL,"),
        file);
    assertTrue(file.contains("\nDROP TABLE \"author\";\n"), file);
    assertTrue(file.contains("ALTER TABLE \"kiln_new_author\" RENAME TO \"author\";\n"), file);
    assertTrue(file.lines().allMatch(l -> l.length() <= 100), file);
    assertEquals(file, MigrationFile.render("V2__x.sql", "V1", plan));
  }
}
