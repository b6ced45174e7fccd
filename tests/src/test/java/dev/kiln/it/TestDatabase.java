package dev.kiln.it;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens migrated databases for tests on the engine under test: a real SQLite file, or, when the
 * system property {@code kiln.test.engine} is {@code postgresql}, a new database on a real
 * PostgreSQL server started once for the run from Maven Central's binaries. Test classes tagged
 * {@code engines} run on both; if the server cannot start, they fail.
 */
final class TestDatabase {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestDatabase() {}

  /** Whether the tests run on PostgreSQL. */
  static boolean postgres() {
    return "postgresql".equals(System.getProperty("kiln.test.engine"));
  }

  /** A new, empty database, with the compiled-in schema created. */
  static Database open(Path dir) {
    return open(builder(dir));
  }

  /** A builder for a new, empty database on the engine under test. */
  static DatabaseBuilder builder(Path dir) {
    if (postgres()) {
      return Database.builder(Server.newDatabase());
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

  /** The PostgreSQL server of this test run, started on first use and stopped at exit. */
  static final class Server {
    private static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException ignored) {
            // the JVM is exiting; the server's files are temporary
          }
        }));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
      }
    }

    /** The JDBC URL of a new database of its own. */
    static String newDatabase() {
      String name = "kiln_" + DATABASES.incrementAndGet();
      try (Connection c = SERVER.getPostgresDatabase().getConnection();
          Statement st = c.createStatement()) {
        st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create database " + name, e);
      }
      return SERVER.getJdbcUrl("postgres", name);
    }
  }
}
