package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.Dialect;
import dev.kiln.KilnException;
import dev.kiln.it.model.Everything;
import dev.kiln.it.model.EverythingRepository;
import dev.kiln.it.model.NumericSample;
import dev.kiln.it.model.NumericSampleRepository;
import dev.kiln.it.model.NumericSample_;
import dev.kiln.it.model.TemporalSample;
import dev.kiln.it.model.TemporalSampleRepository;
import dev.kiln.it.model.TemporalSample_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is PostgreSQL's own: the native column types Kiln declares there, the values it refuses
 * because PostgreSQL would change them (nanoseconds, a negative decimal scale, a NUL in text),
 * and ordering at the precision it keeps. Everything else runs on both engines in the tests
 * tagged {@code engines}.
 */
@Tag("postgresql")
class PostgresEngineTest {

  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** The build runs these tests on the newest PostgreSQL and on the oldest Kiln supports. */
  @Test
  void runsOnThePostgresVersionTheBuildAskedFor() {
    String major = System.getProperty("kiln.test.postgresql.major");
    assertNotNull(major, "the build names the PostgreSQL major version it runs the tests on");
    String versionNum = db.engine().read(null, "read", conn -> {
      try (var rs = conn.query(conn.prepare("SHOW server_version_num"))) {
        rs.next();
        return rs.getString(1);
      }
    });
    assertEquals(major, String.valueOf(Integer.parseInt(versionNum) / 10_000), versionNum);
  }

  @Test
  void runsOnPostgresWithItsNativeTypes() {
    assertEquals(Dialect.POSTGRESQL, db.dialect());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("id", "uuid");
    expected.put("flag", "boolean");
    expected.put("tiny", "smallint");
    expected.put("small", "smallint");
    expected.put("number", "integer");
    expected.put("big", "bigint");
    expected.put("ratio", "real");
    expected.put("measure", "double precision");
    expected.put("text", "text");
    expected.put("bytes", "bytea");
    expected.put("decimal", "numeric");
    expected.put("integer", "numeric");
    expected.put("uuid", "uuid");
    expected.put("genre", "text");
    expected.put("instant", "timestamp with time zone");
    expected.put("date", "date");
    expected.put("time", "time without time zone");
    expected.put("date_time", "timestamp without time zone");
    expected.put("offset_date_time", "text");
    Map<String, String> actual = db.engine().read(null, "inspect", conn -> {
      Map<String, String> types = new LinkedHashMap<>();
      var ps = conn.prepare("SELECT column_name, data_type, collation_name"
          + " FROM information_schema.columns WHERE table_name = 'everything'"
          + " ORDER BY ordinal_position");
      try (ResultSet rs = conn.query(ps)) {
        while (rs.next()) {
          types.put(rs.getString(1), rs.getString(2));
          if (rs.getString(2).equals("text")) {
            assertEquals("C", rs.getString(3), "text compares by code point: " + rs.getString(1));
          }
        }
      }
      return types;
    });
    expected.forEach((column, type) -> assertEquals(type, actual.get(column), column));
  }

  @Test
  void dateTimesRoundTripToTheMicrosecond() {
    var samples = new TemporalSampleRepository(db);
    var sample = new TemporalSample(1, Instant.parse("2024-02-29T23:59:59.123456Z"),
        LocalDateTime.parse("9999-12-31T23:59:59.999999"), LocalDate.parse("0001-01-01"),
        LocalTime.parse("23:59:59.999999"),
        OffsetDateTime.parse("2024-05-01T10:00:00.123456789+05:30"));
    samples.insert(sample);
    assertEquals(sample, samples.findById(1).orElseThrow());
  }

  @Test
  void valuesPostgresWouldChangeAreRefusedBeforeAnyRowIsWritten() {
    var samples = new TemporalSampleRepository(db);
    KilnException nanos = assertThrows(KilnException.class, () -> samples.insert(
        TemporalSample.of(1, Instant.parse("2024-01-01T10:00:00.000000001Z"))));
    assertTrue(nanos.getMessage().startsWith("TemporalSample.instant cannot be stored: it has"
        + " nanoseconds"), nanos.getMessage());
    assertTrue(nanos.getMessage().contains("truncatedTo(ChronoUnit.MICROS)"), nanos.getMessage());
    assertThrows(KilnException.class, () -> samples.insert(
        TemporalSample.of(2, LocalTime.parse("10:00:00.000000001"))));
    var numbers = new NumericSampleRepository(db);
    KilnException scale = assertThrows(KilnException.class,
        () -> numbers.insert(new NumericSample(1, new BigDecimal("1E+3"), null)));
    assertTrue(scale.getMessage().startsWith("NumericSample.decimal cannot be stored"),
        scale.getMessage());
    assertTrue(scale.getMessage().contains("setScale(0)"), scale.getMessage());
    var everything = new EverythingRepository(db);
    KilnException nul = assertThrows(KilnException.class,
        () -> everything.insert(withText("a\u0000b")));
    assertTrue(nul.getMessage().startsWith("Everything.text cannot be stored: it holds a NUL"),
        nul.getMessage());
    assertEquals(0, samples.count());
    assertEquals(0, numbers.count());
    assertEquals(0, everything.count());
  }

  @Test
  void instantsAndDecimalsSortAsJavaSortsThem() {
    var samples = new TemporalSampleRepository(db);
    List<Instant> instants = Stream.of("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.5Z",
            "2024-01-01T10:00:00.05Z", "2024-01-01T10:00:00.000001Z",
            "2024-01-01T09:59:59.999999Z", "1969-12-31T23:59:59.999999Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z")
        .map(Instant::parse).toList();
    List<TemporalSample> rows = new ArrayList<>();
    List<Instant> shuffled = new ArrayList<>(instants);
    Collections.shuffle(shuffled, new Random(7));
    for (int i = 0; i < shuffled.size(); i++) {
      rows.add(TemporalSample.of(i + 1, shuffled.get(i)));
    }
    samples.insertAll(rows);
    new QueryOrderCheck<>(samples::query, TemporalSample_.INSTANT, TemporalSample::instant,
        TemporalSample::id, Comparator.naturalOrder()).check(rows);

    var numbers = new NumericSampleRepository(db);
    List<NumericSample> decimals = new ArrayList<>();
    String[] values = {"-12345678901234567890", "-10.5", "-0.001", "0.000", "0", "1E-7", "9.5",
        "10.0", "10", "100.25", "1000.0001", "1234567890123456789012345678901234567890.5"};
    for (int i = 0; i < values.length; i++) {
      decimals.add(new NumericSample(i + 1, new BigDecimal(values[i]), null));
    }
    numbers.insertAll(decimals);
    new QueryOrderCheck<>(numbers::query, NumericSample_.DECIMAL, NumericSample::decimal,
        NumericSample::id, Comparator.naturalOrder()).check(decimals);
  }

  @Test
  void migrateRefusesToStartWhenPostgresRejectsAStatementNamingTheMethod() throws Exception {
    // Another jar of the application lists a statement PostgreSQL rejects (SQLite's IS with a
    // parameter); the build could not know, so migrate() must.
    Path jar = dir.resolve("other-jar");
    Path listing = jar.resolve("META-INF/kiln/postgresql.properties");
    java.nio.file.Files.createDirectories(listing.getParent());
    java.nio.file.Files.writeString(listing,
        "Shop.authorsWithBio=SELECT count(*) FROM author WHERE bio IS ?\n");
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
        original)) {
      Thread.currentThread().setContextClassLoader(loader);
      var e = assertThrows(dev.kiln.migrations.MigrationException.class, db::migrate);
      assertTrue(e.getMessage().contains("PostgreSQL rejects 1 of the application's statements"),
          e.getMessage());
      assertTrue(e.getMessage().contains("Shop.authorsWithBio: syntax error"), e.getMessage());
      assertTrue(e.getMessage().contains("@Sql(value = …, postgresql = …)"), e.getMessage());
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
    db.migrate(); // every statement of this application prepares on PostgreSQL
  }

  @Test
  void migrateAppliesPostgresMigrationsAndPrintsTheFixForWhatIsStillMissing() throws Exception {
    // A fresh database and an application whose PostgreSQL migrations create only one of its
    // tables: migrate() applies them, then the schema check names the rest, with the SQL.
    db.close();
    db = TestDatabase.builder(dir).build();
    Path jar = dir.resolve("migrations-jar");
    Path v1 = jar.resolve("db/kiln/postgresql/V1__create_table_author.sql");
    java.nio.file.Files.createDirectories(v1.getParent());
    java.nio.file.Files.writeString(v1, "CREATE TABLE \"author\" (\"id\" bigint NOT NULL"
        + " PRIMARY KEY);\n");
    ClassLoader original = Thread.currentThread().getContextClassLoader();
    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
        original)) {
      Thread.currentThread().setContextClassLoader(loader);
      var e = assertThrows(dev.kiln.migrations.SchemaMismatchException.class, db::migrate);
      assertTrue(e.getMessage().contains("table book is missing; fix: CREATE TABLE \"book\""),
          e.getMessage());
      assertTrue(e.getMessage().contains("column author.name is missing; fix: ALTER TABLE"
          + " \"author\" ADD COLUMN \"name\" text COLLATE \"C\" NOT NULL"), e.getMessage());
      List<String> history = db.engine().read(null, "history", conn -> {
        List<String> versions = new ArrayList<>();
        try (ResultSet rs = conn.query(conn.prepare(
            "SELECT version || ' ' || script FROM kiln_schema_history ORDER BY version"))) {
          while (rs.next()) {
            versions.add(rs.getString(1));
          }
        }
        return versions;
      });
      assertEquals(List.of("1 V1__create_table_author.sql"), history);
    } finally {
      Thread.currentThread().setContextClassLoader(original);
    }
  }

  @Test
  void insertAllTakesItsKeysFromTheSequenceInOneBatchSafeAcrossWriters() throws Exception {
    var authors = new dev.kiln.it.model.AuthorRepository(db);
    int threads = 4;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<List<dev.kiln.it.model.Author>>> batches = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      batches.add(pool.submit(() -> {
        List<dev.kiln.it.model.Author> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          batch.add(new dev.kiln.it.model.Author(0, "A" + thread + "-" + i,
              "a" + thread + "-" + i + "@x", Instant.parse("2024-01-01T00:00:00Z"), null));
        }
        return authors.insertAll(batch);
      }));
    }
    java.util.Set<Long> keys = new java.util.HashSet<>();
    for (var batch : batches) {
      for (var author : batch.get()) {
        assertTrue(keys.add(author.id()), "key " + author.id() + " given twice");
        assertEquals(author, authors.findById(author.id()).orElseThrow());
      }
    }
    pool.shutdown();
    assertEquals(200, keys.size());
    long next = authors.insert(new dev.kiln.it.model.Author(0, "Next", "next@x",
        Instant.parse("2024-01-01T00:00:00Z"), null)).id();
    assertTrue(keys.stream().allMatch(k -> k < next), "the sequence moved past every batch");
    long before = db.stats().statementsExecuted();
    authors.insertAll(List.of(
        new dev.kiln.it.model.Author(0, "B1", "b1@x", Instant.EPOCH, null),
        new dev.kiln.it.model.Author(0, "B2", "b2@x", Instant.EPOCH, null)));
    assertEquals(2, db.stats().statementsExecuted() - before,
        "one statement for the keys, one batch for the rows");
  }

  @Test
  void twoTransactionsChangingOneRowLeaveTheSecondARetryableConflict() throws Exception {
    var authors = new dev.kiln.it.model.AuthorRepository(db);
    var ann = authors.insert(new dev.kiln.it.model.Author(0, "Ann", "ann@x", Instant.EPOCH, null));
    var secondRead = new java.util.concurrent.CountDownLatch(1);
    var firstCommitted = new java.util.concurrent.CountDownLatch(1);
    var second = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() ->
        db.transaction(() -> {
          authors.findById(ann.id()); // its snapshot: before the first commits
          secondRead.countDown();
          await(firstCommitted);
          return authors.update(ann.withName("Ann (second)"));
        }));
    db.transaction(() -> {
      await(secondRead);
      authors.update(ann.withName("Ann (first)"));
    });
    firstCommitted.countDown();
    var failure = assertThrows(java.util.concurrent.ExecutionException.class, second::get);
    assertTrue(failure.getCause() instanceof dev.kiln.TransactionConflictException,
        String.valueOf(failure.getCause()));
    assertTrue(failure.getCause().getMessage().contains("run it again"),
        failure.getCause().getMessage());
    assertEquals("Ann (first)", authors.findById(ann.id()).orElseThrow().name());
  }

  @Test
  void transactionsRunRepeatableReadAndReadTransactionsReadOnly() {
    var library = new dev.kiln.it.dao.LibraryQueries_Impl(db);
    assertEquals("repeatable read on", db.readTransaction(library::transactionMode));
    assertEquals("repeatable read off", db.transaction(library::transactionMode));
    assertEquals("repeatable read off", library.transactionMode(), "outside a transaction");
    assertEquals("repeatable read on", db.readTransaction(library::transactionMode),
        "a connection lent for writing before reads read-only again");
  }

  /**
   * A statement on its own waits for the transaction that holds its row and then applies its
   * change, as at PostgreSQL's default READ COMMITTED, though the connections run REPEATABLE READ,
   * where the statement fails with 40001 once that transaction commits.
   */
  @Test
  void aStatementOutsideATransactionWaitsOutAWriterOfItsRowAndApplies() throws Exception {
    var authors = new dev.kiln.it.model.AuthorRepository(db);
    var library = new dev.kiln.it.dao.LibraryQueries_Impl(db);
    var ann = authors.insert(new dev.kiln.it.model.Author(0, "Ann", "ann@x", Instant.EPOCH, null));
    var firstWrote = new java.util.concurrent.CountDownLatch(1);
    var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
    try (var watch = dev.kiln.migrations.PostgresServer.connect(
        dev.kiln.migrations.PostgresServer.newDatabase())) {
      var second = executor.submit(() -> {
        await(firstWrote);
        library.renameAuthor(ann.id(), "Ann (second)");
      });
      db.transaction(() -> {
        library.renameAuthor(ann.id(), "Ann (first)");
        firstWrote.countDown();
        awaitLockWaiter(watch);
      });
      second.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      executor.shutdown();
    }
    assertEquals("Ann (second)", authors.findById(ann.id()).orElseThrow().name());
    var figures = db.stats().statements().stream()
        .filter(f -> f.sql().startsWith("UPDATE author SET name")).findFirst().orElseThrow();
    assertEquals(2, figures.count());
    assertEquals(0, figures.errors(), "the conflict ran again, not reported");
  }

  /** Writers adding one to the same rows outside transactions each count once: none is lost. */
  @Test
  void concurrentStatementsOnOneRowOutsideTransactionsAllApply() throws Exception {
    var authors = new dev.kiln.it.model.AuthorRepository(db);
    var library = new dev.kiln.it.dao.LibraryQueries_Impl(db);
    var ann = authors.insert(new dev.kiln.it.model.Author(0, "Ann", "ann@x", Instant.EPOCH, null));
    library.addBook(ann.id(), "One", BigDecimal.ONE, null);
    library.addBook(ann.id(), "Two", BigDecimal.ONE, null);
    int threads = 4;
    int each = 25;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      writers.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          assertEquals(2, library.reprice(ann.id(), BigDecimal.TEN));
        }
      }));
    }
    for (var writer : writers) {
      writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    var books = new dev.kiln.it.model.BookRepository(db).findAll();
    assertEquals(2, books.size());
    for (var book : books) {
      assertEquals(threads * each, book.version(), book.title());
    }
  }

  /** Waits until a backend of the server waits for a lock. */
  private static void awaitLockWaiter(java.sql.Connection watch) {
    try (var st = watch.createStatement()) {
      for (int i = 0; i < 1_000; i++) {
        try (ResultSet rs = st.executeQuery(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(10);
      }
    } catch (java.sql.SQLException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("the second writer never waited for the row");
  }

  @Test
  void backupRefusesClearlyAndPragmasAreNotPostgres() {
    KilnException backup = assertThrows(KilnException.class,
        () -> db.backup(dir.resolve("copy.db")));
    assertTrue(backup.getMessage().contains("pg_dump"), backup.getMessage());
    assertEquals(java.util.Map.of(), db.pragmas());
    KilnException pragma = assertThrows(KilnException.class, () -> TestDatabase.builder(dir)
        .pragma("cache_size", "-32000").build());
    assertTrue(pragma.getMessage().contains("PRAGMAs are SQLite's settings"), pragma.getMessage());
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, java.util.concurrent.TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Everything withText(String text) {
    return new Everything(UUID.randomUUID(), false, (byte) 0, (short) 0, 0, 0, 0, 0, null, null,
        null, null, null, null, null, text, null, null, null, null, null, null, null, null, null,
        null);
  }
}
