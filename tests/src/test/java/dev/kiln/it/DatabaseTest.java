package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.KilnException;
import dev.kiln.it.model.AuthorRepository;
import dev.kiln.migrations.MigrationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a database: the PRAGMAs in force, schema creation, backup, slow-query counting and
 * statement reuse, on each engine in its own way.
 */
@Tag("engines")
class DatabaseTest {

  @TempDir Path dir;

  @Test
  @Tag("sqlite")
  void tunedPragmasAreInForceOnEveryConnection() throws Exception {
    try (Database db = Database.open(dir.resolve("p.db"))) {
      Map<String, String> pragmas = db.pragmas();
      assertEquals("wal", pragmas.get("journal_mode"));
      assertEquals("1", pragmas.get("synchronous"));
      assertEquals("1", pragmas.get("foreign_keys"));
      assertEquals("5000", pragmas.get("busy_timeout"));
      assertEquals("-16000", pragmas.get("cache_size"));
      assertEquals("2", pragmas.get("temp_store"));
      assertTrue(Long.parseLong(pragmas.get("mmap_size")) > 0);
      // a reader runs the same settings: read them through a reader-side query
      String readerSettings = db.readTransaction(() -> db.engine().read(null, "read",
          conn -> {
            try (ResultSet rs = conn.query(conn.prepare(
                "SELECT (SELECT foreign_keys FROM pragma_foreign_keys),"
                    + " (SELECT synchronous FROM pragma_synchronous),"
                    + " (SELECT query_only FROM pragma_query_only)"))) {
              rs.next();
              return rs.getString(1) + rs.getString(2) + rs.getString(3);
            }
          }));
      assertEquals("111", readerSettings);
    }
  }

  @Test
  @Tag("sqlite")
  void pragmasCanBeOverridden() {
    try (Database db = Database.builder(dir.resolve("o.db")).pragma("cache_size", "-32000")
        .pragma("synchronous", "FULL").pragma("user_version", "7").build()) {
      assertEquals("-32000", db.pragmas().get("cache_size"));
      assertEquals("2", db.pragmas().get("synchronous"));
      assertEquals("7", db.pragmas().get("user_version"));
    }
  }

  @Test
  @Tag("sqlite")
  void aPragmaValueCannotCarrySql() {
    KilnException refused = assertThrows(KilnException.class, () ->
        Database.builder(dir.resolve("x.db")).pragma("cache_size", "1; DROP TABLE author").build());
    assertTrue(refused.getMessage().contains("PRAGMA cache_size"), refused.getMessage());
  }

  @Test
  @Tag("sqlite")
  void onlySqliteAndPostgresUrlsAreAccepted() {
    KilnException other = assertThrows(KilnException.class,
        () -> Database.open("jdbc:mysql://localhost/x"));
    assertTrue(other.getMessage().contains("Kiln runs on SQLite and PostgreSQL"),
        other.getMessage());
    // a PostgreSQL URL whose server does not answer fails at once, naming it
    KilnException unreachable = assertThrows(KilnException.class,
        () -> Database.open("jdbc:postgresql://localhost:1/x?connectTimeout=1"));
    assertTrue(unreachable.getMessage().startsWith("cannot open jdbc:postgresql://localhost:1/x"),
        unreachable.getMessage());
  }

  @Test
  void migrateCreatesTheSchemaOnceAndThenDoesNothing() {
    try (Database db = TestDatabase.builder(dir).build()) {
      MigrationResult first = db.migrate();
      assertTrue(first.applied().contains("create table author"), first.applied().toString());
      assertTrue(first.applied().contains("create index ux_author_email"),
          first.applied().toString());
      assertFalse(db.migrate().changed());
      if (TestDatabase.postgres()) {
        // native types, and the foreign key with its action, as PostgreSQL describes them
        assertEquals("integer NULL", query(db, "SELECT data_type || ' '"
            + " || CASE is_nullable WHEN 'YES' THEN 'NULL' ELSE 'NOT NULL' END"
            + " FROM information_schema.columns WHERE table_name = 'book'"
            + " AND column_name = 'published'"));
        assertEquals("text NOT NULL", query(db, "SELECT data_type || ' '"
            + " || CASE is_nullable WHEN 'YES' THEN 'NULL' ELSE 'NOT NULL' END"
            + " FROM information_schema.columns WHERE table_name = 'book'"
            + " AND column_name = 'title'"));
        String fk = query(db, "SELECT pg_get_constraintdef(oid) FROM pg_constraint"
            + " WHERE conrelid = 'book'::regclass AND contype = 'f'");
        assertTrue(fk.contains("REFERENCES author(id) ON DELETE CASCADE"), fk);
      } else {
        String ddl = query(db, "SELECT sql FROM sqlite_schema WHERE name = 'book'");
        assertTrue(ddl.contains("STRICT"), ddl);
        assertTrue(ddl.contains("REFERENCES \"author\" (\"id\") ON DELETE CASCADE"), ddl);
        assertTrue(ddl.contains("\"published\" INTEGER,"), ddl);
        assertTrue(ddl.contains("\"title\" TEXT NOT NULL"), ddl);
      }
    }
  }

  /** The one text value {@code sql} returns, read through Kiln's own connection. */
  private static String query(Database db, String sql) {
    return db.engine().read(null, "read", conn -> {
      try (ResultSet rs = conn.query(conn.prepare(sql))) {
        assertTrue(rs.next(), sql);
        return rs.getString(1);
      }
    });
  }

  @Test
  @Tag("sqlite")
  void backupIsAConsistentCopyTakenWhileOpen() {
    Path copy = dir.resolve("copy.db");
    try (Database db = TestDatabase.open(dir)) {
      AuthorRepository authors = new AuthorRepository(db);
      for (int i = 0; i < 50; i++) {
        authors.insert(RepositoryTest.author("A" + i));
      }
      db.backup(copy);
      authors.insert(RepositoryTest.author("After"));
      assertThrows(KilnException.class, () -> db.backup(copy), "overwrote an existing file");
    }
    assertTrue(Files.exists(copy));
    try (Database restored = Database.open(copy)) {
      assertEquals(50, new AuthorRepository(restored).count());
    }
  }

  @Test
  void slowStatementsAreCounted() {
    try (Database db = TestDatabase.open(TestDatabase.builder(dir)
        .slowQueryThreshold(Duration.ofNanos(1)))) {
      long before = db.stats().slowQueries();
      new AuthorRepository(db).count();
      assertEquals(before + 1, db.stats().slowQueries());
    }
  }

  @Test
  @Tag("sqlite")
  void inMemoryDatabasesWorkOnOneConnection() {
    try (Database db = Database.open("jdbc:sqlite::memory:")) {
      db.migrate();
      AuthorRepository authors = new AuthorRepository(db);
      authors.insert(RepositoryTest.author("Ann"));
      assertEquals(1, authors.count());
      assertEquals(1, authors.streamAll().count());
    }
  }

  @Test
  @Tag("sqlite")
  void statementsAreReusedFromTheCache() {
    try (Database db = TestDatabase.open(dir)) {
      AuthorRepository authors = new AuthorRepository(db);
      authors.insert(RepositoryTest.author("Ann"));
      db.transaction(() -> authors.count());
      long prepared = db.stats().statementsPrepared();
      db.transaction(() -> {
        for (int i = 0; i < 10; i++) {
          authors.count();
        }
      });
      assertEquals(prepared, db.stats().statementsPrepared());
      assertTrue(db.stats().statementCacheHits() >= 10);
    }
  }

  /**
   * On PostgreSQL statements outlive the lease too: each physical connection keeps its own, as
   * SQLite's do, instead of preparing (about 800 bytes a statement) on every read.
   */
  @Test
  @Tag("postgresql")
  void statementsAreKeptAcrossLeases() {
    try (Database db = TestDatabase.open(TestDatabase.builder(dir).poolSize(1))) {
      AuthorRepository authors = new AuthorRepository(db);
      authors.insert(RepositoryTest.author("Ann"));
      authors.count();
      long prepared = db.stats().statementsPrepared();
      long hits = db.stats().statementCacheHits();
      for (int i = 0; i < 10; i++) {
        assertEquals(1, authors.count()); // each read a lease of its own
      }
      assertEquals(prepared, db.stats().statementsPrepared());
      assertEquals(hits + 10, db.stats().statementCacheHits());
    }
  }

  /**
   * A statement kept across leases runs outside the pool's sight; when it finds the connection
   * gone, the pool must still replace the connection rather than lend the dead one out again.
   */
  @Test
  @Tag("postgresql")
  void aConnectionLostUnderACachedStatementIsReplaced() throws Exception {
    String url = TestDatabase.newUrl(dir);
    try (Database db = TestDatabase.open(Database.builder(url).poolSize(1))) {
      AuthorRepository authors = new AuthorRepository(db);
      authors.insert(RepositoryTest.author("Ann"));
      String backend = query(db, "SELECT pg_backend_pid()");
      try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
        st.execute("SELECT pg_terminate_backend(" + Integer.parseInt(backend) + ")");
      }
      assertThrows(KilnException.class, authors::count);
      assertEquals(1, authors.count()); // at once, on a new connection
      assertNotEquals(backend, query(db, "SELECT pg_backend_pid()"));
    }
  }

  /**
   * PostgreSQL's counterpart: the driver prepares a repeated statement once on the server, per
   * connection, and runs it again by name.
   */
  @Test
  @Tag("postgresql")
  void statementsArePreparedOnceOnTheServer() {
    try (Database db = TestDatabase.open(dir)) {
      AuthorRepository authors = new AuthorRepository(db);
      authors.insert(RepositoryTest.author("Ann"));
      String prepared = db.transaction(() -> {
        for (int i = 0; i < 10; i++) {
          authors.count();
        }
        return query(db, "SELECT count(*) FROM pg_prepared_statements"
            + " WHERE statement LIKE 'SELECT count(*) FROM \"author\"%'");
      });
      assertEquals("1", prepared);
    }
  }
}
