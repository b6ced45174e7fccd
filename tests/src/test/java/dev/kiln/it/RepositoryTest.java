package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.it.model.Author_;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every method of a generated repository, on a real database of each engine. */
@Tag("engines")
class RepositoryTest {

  @TempDir Path dir;
  Database db;
  AuthorRepository authors;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    authors = new AuthorRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Author author(String name) {
    return new Author(0, name, name.toLowerCase() + "@example.org",
        Instant.parse("2024-01-01T00:00:00Z"), null);
  }

  @Test
  void insertAssignsKeysAndFindByIdReadsBack() {
    Author ann = authors.insert(author("Ann"));
    Author bob = authors.insert(author("Bob"));
    assertTrue(ann.id() > 0);
    assertEquals(ann.id() + 1, bob.id());
    assertEquals(ann, authors.findById(ann.id()).orElseThrow());
    assertTrue(authors.findById(999).isEmpty());
  }

  @Test
  void insertKeepsAnExplicitKey() {
    Author stored = authors.insert(new Author(42, "Ann", "ann@x.org", Instant.EPOCH, "bio"));
    assertEquals(42, stored.id());
    assertEquals(stored, authors.findById(42).orElseThrow());
  }

  @Test
  void insertAllIsOneTransactionAndReturnsKeysInOrder() {
    List<Author> stored = authors.insertAll(List.of(author("A"), author("B"), author("C")));
    assertEquals(List.of("A", "B", "C"), stored.stream().map(Author::name).toList());
    assertEquals(3, stored.stream().map(Author::id).distinct().count());
    assertEquals(3, authors.count());
    long commits = db.stats().commits();
    // the second row breaks the unique email: nothing of the batch may stay
    assertThrows(KilnException.class,
        () -> authors.insertAll(List.of(author("D"), author("A"))));
    assertEquals(3, authors.count());
    assertEquals(commits, db.stats().commits());
  }

  @Test
  @Tag("sqlite")
  void insertAllGivesNewRowsTheKeysSqliteWouldGiveThem() {
    // insertAll inserts new rows with their keys in one batch; insert lets SQLite choose: the
    // keys must be the same, after the largest key, after a deletion of the largest row, and in
    // an empty table
    assertEquals(List.of(1L, 2L), ids(authors.insertAll(List.of(author("A"), author("B")))));
    authors.insert(new Author(40, "Explicit", "explicit@example.org", Instant.EPOCH, null));
    List<Author> stored = authors.insertAll(List.of(author("C"), author("D"), author("E")));
    assertEquals(List.of(41L, 42L, 43L), ids(stored));
    for (Author a : stored) {
      assertEquals(a, authors.findById(a.id()).orElseThrow());
    }
    authors.deleteById(43);
    long chosenBySqlite = authors.insert(author("F")).id();
    authors.deleteById(chosenBySqlite);
    assertEquals(List.of(chosenBySqlite), ids(authors.insertAll(List.of(author("G")))));
    authors.deleteAll(authors.findAll());
    assertEquals(List.of(1L), ids(authors.insertAll(List.of(author("H")))));
    assertEquals(List.of(), authors.insertAll(List.of()));
  }

  @Test
  @Tag("sqlite")
  void insertAllLetsSqliteChooseKeysWhenItCannotForeseeThem() throws Exception {
    // a trigger that inserts a row of its own takes a key between two of insertAll's rows
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
        var st = c.createStatement()) {
      st.execute("CREATE TRIGGER twin AFTER INSERT ON author WHEN NEW.name = 'Twin' BEGIN"
          + " INSERT INTO author (name, email, created_at) VALUES"
          + " ('Shadow', 'shadow@example.org', '2024-01-01 00:00:00'); END");
    }
    List<Author> stored = authors.insertAll(List.of(author("Twin"), author("Next")));
    assertEquals(List.of(1L, 3L), ids(stored));
    assertEquals("Shadow", authors.findById(2).orElseThrow().name());
    for (Author a : stored) {
      assertEquals(a, authors.findById(a.id()).orElseThrow());
    }
    // rows with keys of their own among new ones: inserted one by one as well
    List<Author> mixed = authors.insertAll(List.of(author("K"),
        new Author(100, "L", "l@example.org", Instant.EPOCH, null), author("M")));
    assertEquals(List.of(4L, 100L, 101L), ids(mixed));
  }

  @Test
  @Tag("sqlite")
  void insertAllNeverReusesTheKeysOfAnAutoincrementTable() throws Exception {
    // a table made by another tool with AUTOINCREMENT: SQLite never gives a deleted row's key
    // again, so insertAll may not take the largest key plus one
    close();
    Path other = dir.resolve("other");
    other.toFile().mkdirs();
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other.resolve("test.db"));
        var st = c.createStatement()) {
      st.execute("CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
          + " email TEXT NOT NULL, created_at TEXT NOT NULL, bio TEXT)");
    }
    // not migrated: the other tool's table is not Kiln's schema, which migrate() would report
    db = Database.open(other.resolve("test.db"));
    authors = new AuthorRepository(db);
    assertEquals(List.of(1L, 2L), ids(authors.insertAll(List.of(author("A"), author("B")))));
    authors.deleteById(2);
    assertEquals(List.of(3L, 4L), ids(authors.insertAll(List.of(author("C"), author("D")))));
  }

  @Test
  void bulkInsertStoresEveryRowAsBatchesAllOrNothingAndReturnsTheCount() {
    List<Author> many = IntStream.range(0, 2_500).mapToObj(i -> author("N" + i)).toList();
    long before = db.stats().statementsExecuted();
    assertEquals(2_500, authors.bulkInsert(many));
    // one batch per 1,000 rows, and no statement reading keys
    assertEquals(3, db.stats().statementsExecuted() - before);
    assertEquals(many.stream().map(Author::name).collect(Collectors.toSet()),
        authors.findAll().stream().map(Author::name).collect(Collectors.toSet()));
    Author one = authors.query().where(Author_.NAME.eq("N7")).first().orElseThrow();
    assertEquals(author("N7").email(), one.email());
    assertEquals(author("N7").createdAt(), one.createdAt());

    // the last row breaks the unique email, in the second batch: nothing of the call stays
    List<Author> clash = Stream.concat(IntStream.range(0, 1_500).mapToObj(i -> author("M" + i)),
        Stream.of(author("N0"))).toList();
    assertThrows(KilnException.class, () -> authors.bulkInsert(clash));
    assertEquals(2_500, authors.count());
    assertEquals(0, authors.bulkInsert(List.of()));
  }

  @Test
  @Tag("sqlite")
  void bulkInsertKeepsTheOrderOfRowsWithAndWithoutKeys() {
    // a key SQLite assigns must not be one a later row of the same call asks for
    assertEquals(5, authors.bulkInsert(List.of(author("A"),
        new Author(2, "B", "b@example.org", Instant.EPOCH, null), author("C"),
        new Author(10, "D", "d@example.org", Instant.EPOCH, null), author("E"))));
    assertEquals(List.of("1 A", "2 B", "3 C", "10 D", "11 E"), authors.findAll().stream()
        .map(a -> a.id() + " " + a.name()).toList());
  }

  @Test
  @Tag("sqlite")
  void upsertAllSendsTheRowsBeforeOneWhoseKeySqliteAssigns() {
    // A waits in the batch when B is inserted: B must not take key 1 and then lose it to A
    List<Author> stored = authors.upsertAll(List.of(
        new Author(1, "A", "a@example.org", Instant.EPOCH, null), author("B")));
    assertEquals(List.of(1L, 2L), ids(stored));
    assertEquals(List.of("1 A", "2 B"), authors.findAll().stream()
        .map(a -> a.id() + " " + a.name()).toList());
  }

  private static List<Long> ids(List<Author> list) {
    return list.stream().map(Author::id).toList();
  }

  @Test
  void updateChangesTheRowAndRefusesAMissingOne() {
    Author ann = authors.insert(author("Ann"));
    Author renamed = authors.update(ann.withName("Anne"));
    assertEquals("Anne", renamed.name());
    assertEquals("Anne", authors.findById(ann.id()).orElseThrow().name());
    KilnException missing = assertThrows(KilnException.class,
        () -> authors.update(new Author(77, "X", "x@x.org", Instant.EPOCH, null)));
    assertTrue(missing.getMessage().contains("Author"), missing.getMessage());
  }

  @Test
  void upsertInsertsThenUpdates() {
    Author first = authors.upsert(new Author(7, "Ann", "ann@x.org", Instant.EPOCH, null));
    assertEquals(7, first.id());
    authors.upsert(first.withName("Anne"));
    assertEquals(1, authors.count());
    assertEquals("Anne", authors.findById(7).orElseThrow().name());
    Author generated = authors.upsert(author("Bob"));
    assertTrue(generated.id() > 0);
    assertEquals(2, authors.count());
  }

  @Test
  void deletes() {
    List<Author> stored = authors.insertAll(List.of(author("A"), author("B"), author("C"),
        author("D")));
    assertTrue(authors.delete(stored.get(0)));
    assertFalse(authors.delete(stored.get(0)));
    assertTrue(authors.deleteById(stored.get(1).id()));
    assertFalse(authors.deleteById(stored.get(1).id()));
    assertEquals(2, authors.deleteAll(List.of(stored.get(2), stored.get(3), stored.get(0))));
    assertEquals(0, authors.count());
  }

  @Test
  void findersCountAndExistence() {
    List<Author> stored = authors.insertAll(
        IntStream.range(0, 1100).mapToObj(i -> author("N" + i)).toList());
    assertEquals(1100, authors.count());
    assertEquals(stored, authors.findAll());
    assertTrue(authors.existsById(stored.get(5).id()));
    assertFalse(authors.existsById(-1));
    List<Long> wanted = stored.stream().map(Author::id).filter(id -> id % 2 == 0).toList();
    List<Long> ids = new java.util.ArrayList<>(wanted);
    ids.add(-5L);
    assertEquals(wanted, authors.findAllById(ids).stream().map(Author::id).toList());
    assertEquals(List.of(), authors.findAllById(List.of()));
    try (Stream<Author> all = authors.streamAll()) {
      assertEquals(stored, all.collect(Collectors.toList()));
    }
  }

  @Test
  void typedQueries() {
    authors.insertAll(List.of(author("Ann"), author("Andrew"), author("Bob"), author("Alice"),
        author("Carl")));
    assertEquals(List.of("Alice", "Andrew", "Ann"), authors.query()
        .where(Author_.NAME.startsWith("A")).orderBy(Author_.NAME.asc()).list().stream()
        .map(Author::name).toList());
    assertEquals(3, authors.query().where(Author_.NAME.startsWith("A")).count());
    assertEquals("Carl", authors.query().orderBy(Author_.NAME.desc()).first().orElseThrow()
        .name());
    assertEquals(List.of("Andrew", "Ann"), authors.query().where(Author_.NAME.startsWith("A"))
        .orderBy(Author_.NAME.asc()).limit(2).offset(1).list().stream().map(Author::name)
        .toList());
    assertEquals(2, authors.query().where(Author_.NAME.startsWith("A")).limit(2).offset(1)
        .count());
    assertEquals(List.of("Bob", "Carl"), authors.query()
        .where(Author_.NAME.in("Bob", "Carl", "Zed")).list().stream().map(Author::name).toList());
    assertEquals(5, authors.query().where(Author_.BIO.isNull()).count());
    assertEquals(0, authors.query().where(Author_.BIO.isNotNull()).count());
    assertEquals(2, authors.query()
        .where(Author_.NAME.eq("Bob").or(Author_.NAME.contains("rl"))).count());
    assertEquals(4, authors.query().where(Author_.NAME.eq("Bob").not()).count());
    assertEquals(1, authors.query().where(Author_.NAME.endsWith("ice")).count());
    assertEquals(2, authors.query().where(Author_.NAME.between("B", "Cz")).count());
    assertEquals(0, authors.query().where(Author_.NAME.in(List.of())).count());
    try (Stream<Author> stream = authors.query().where(Author_.NAME.gt("B")).stream()) {
      assertEquals(2, stream.count());
    }
  }

  @Test
  void inTakesMoreValuesThanSqliteHasVariables() {
    List<Author> stored = authors.insertAll(
        IntStream.range(0, 50).mapToObj(i -> author("N" + i)).toList());
    List<Long> ids = new java.util.ArrayList<>(LongStream.range(100_000, 140_000).boxed().toList());
    ids.add(stored.get(3).id());
    ids.add(stored.get(7).id());
    assertEquals(2, authors.query().where(Author_.ID.in(ids)).count());
    assertEquals(48, authors.query().where(Author_.ID.notIn(ids)).count());
    assertEquals(List.of("N3", "N7"), authors.query().where(Author_.NAME.in("N7", "N3", "x"))
        .list().stream().map(Author::name).toList());
  }

  @Test
  void likeWildcardsInUserInputMatchLiterally() {
    authors.insertAll(List.of(author("100%"), author("1000"), author("a_b"), author("axb")));
    assertEquals(List.of("100%"), authors.query().where(Author_.NAME.startsWith("100%")).list()
        .stream().map(Author::name).toList());
    assertEquals(List.of("a_b"), authors.query().where(Author_.NAME.contains("_")).list()
        .stream().map(Author::name).toList());
  }

  @Test
  void updateAllAndDeleteAllRunAsBatchesInOneTransaction() {
    List<Author> stored = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      stored.add(author("A" + i));
    }
    stored = authors.insertAll(stored);
    long statements = db.stats().statementsExecuted();
    long commits = db.stats().commits();
    List<Author> renamed = authors.updateAll(stored.stream().map(a -> a.withName(a.name() + "!"))
        .toList());
    assertEquals(3, db.stats().statementsExecuted() - statements, "batches of 1,000");
    assertEquals(commits + 1, db.stats().commits());
    assertEquals(renamed.get(2_499), authors.findById(renamed.get(2_499).id()).orElseThrow());
    assertEquals("A7!", authors.findById(stored.get(7).id()).orElseThrow().name());

    // one entity without its row: nothing is updated
    Author gone = new Author(999_999, "Gone", "gone@example.org", Instant.EPOCH, null);
    List<Author> mixed = List.of(renamed.get(0).withName("changed"), gone);
    KilnException missing = assertThrows(KilnException.class, () -> authors.updateAll(mixed));
    assertTrue(missing.getMessage().contains("999999"), missing.getMessage());
    assertEquals("A0!", authors.findById(renamed.get(0).id()).orElseThrow().name());

    statements = db.stats().statementsExecuted();
    assertEquals(2_000, authors.deleteAll(renamed.subList(0, 2_000)));
    assertEquals(2, db.stats().statementsExecuted() - statements);
    List<Long> rest = renamed.subList(2_000, 2_500).stream().map(Author::id).toList();
    statements = db.stats().statementsExecuted();
    assertEquals(500, authors.deleteAllById(rest));
    assertEquals(1, db.stats().statementsExecuted() - statements);
    assertEquals(0, authors.count());
    assertEquals(0, authors.deleteAll(renamed));
    assertEquals(0, authors.deleteAllById(rest));
    KilnException nullKey = assertThrows(KilnException.class,
        () -> authors.deleteAllById(java.util.Arrays.asList(1L, null)));
    assertTrue(nullKey.getMessage().contains("Author.id may not be null"), nullKey.getMessage());
  }

  @Test
  void upsertAllInsertsAndUpdatesInOneTransaction() {
    Author ann = authors.insert(author("Ann"));
    long commits = db.stats().commits();
    List<Author> stored = authors.upsertAll(List.of(ann.withName("Ann B."), author("Bo"),
        new Author(500, "Cy", "cy@example.org", Instant.EPOCH, null)));
    assertEquals(commits + 1, db.stats().commits());
    assertEquals(ann.id(), stored.get(0).id());
    assertEquals("Ann B.", authors.findById(ann.id()).orElseThrow().name());
    assertTrue(stored.get(1).id() != 0, "a key left to the database was generated");
    assertEquals(stored.get(1), authors.findById(stored.get(1).id()).orElseThrow());
    assertEquals(stored.get(2), authors.findById(500).orElseThrow());
    assertEquals(3, authors.count());
  }
}
