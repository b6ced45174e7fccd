package dev.kiln.it;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import dev.kiln.migrations.PostgresServer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens migrated databases for tests on the engine under test: a real SQLite file, or, when the
 * system property {@code kiln.test.engine} is {@code postgresql}, a new database on a real
 * PostgreSQL server started once for the run ({@link PostgresServer}). Test classes tagged
 * {@code engines} run on both; if the server cannot start, they fail.
 */
final class TestDatabase {

  private TestDatabase() {}

  /** Whether the tests run on PostgreSQL. */
  static boolean postgres() {
    return "postgresql".equals(System.getProperty("kiln.test.engine"));
  }

  /**
   * The URL of a new, empty database on the engine under test, without any schema: a new file
   * in {@code dir}, or a new database on the server. Each call gives another one.
   */
  static String newUrl(Path dir) {
    if (postgres()) {
      return PostgresServer.newDatabase();
    }
    dir.toFile().mkdirs();
    return "jdbc:sqlite:" + dir.resolve("db-" + FILES.incrementAndGet() + ".db");
  }

  private static final AtomicInteger FILES = new AtomicInteger();

  /** A new, empty database, with the compiled-in schema created. */
  static Database open(Path dir) {
    return open(builder(dir));
  }

  /** A builder for a new, empty database on the engine under test. */
  static DatabaseBuilder builder(Path dir) {
    if (postgres()) {
      return Database.builder(PostgresServer.newDatabase());
    }
    dir.toFile().mkdirs();
    return Database.builder(dir.resolve("test.db"));
  }

  /** {@code builder}'s database, with the compiled-in schema created. */
  static Database open(DatabaseBuilder builder) {
    Database db = builder.build();
    db.migrate();
    return db;
  }
}
