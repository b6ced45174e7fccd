package dev.kiln.bench.data;

import dev.kiln.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The same data set as {@link DataSet}, on PostgreSQL: a server on loopback started once per JVM
 * from Maven Central's embedded binaries, the data built once into a template database whose
 * schema Kiln created, and each trial given a fresh copy ({@code CREATE DATABASE … TEMPLATE}), so
 * that writes never reach another trial's reads.
 */
public final class PostgresDataSet {

  private static final String TEMPLATE = "bench_template";
  private static EmbeddedPostgres server;
  private static final Set<String> TEMPLATES = new HashSet<>();
  private static int copies;

  private PostgresDataSet() {}

  /** The JDBC URL of a fresh copy of the data set. */
  public static String copy() {
    return copyOf(TEMPLATE, PostgresDataSet::build);
  }

  /**
   * The JDBC URL of a fresh copy of the template database {@code template}, which {@code build}
   * (given its URL) fills the first time, on the server this JVM shares between data sets.
   */
  public static synchronized String copyOf(String template, Consumer<String> build) {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().start();
        EmbeddedPostgres started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is exiting; the server's files are temporary
          }
        }));
      }
      if (TEMPLATES.add(template)) {
        create(template, "template0");
        build.accept(server.getJdbcUrl("postgres", template));
      }
      String name = "bench_" + (++copies);
      create(name, template);
      return server.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
    }
  }

  private static void create(String name, String template) {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  /** Kiln creates the schema; one transaction fills it; the identity sequences move past it. */
  private static void build(String url) {
    try (Database db = Database.open(url)) {
      db.migrate();
    }
    try (Connection c = java.sql.DriverManager.getConnection(url)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO author (id, name, email, created_at) VALUES (?, ?, ?, ?)")) {
        for (long a = 1; a <= DataSet.AUTHORS; a++) {
          ps.setLong(1, a);
          ps.setString(2, DataSet.name(a));
          ps.setString(3, DataSet.email(a));
          ps.setObject(4, DataSet.createdAt(a).atOffset(ZoneOffset.UTC));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO book (id, author_id, title, price, published) VALUES (?, ?, ?, ?, ?)")) {
        for (long b = 1; b <= DataSet.BOOKS; b++) {
          ps.setLong(1, b);
          ps.setLong(2, DataSet.authorOf(b));
          ps.setString(3, DataSet.title(b));
          ps.setBigDecimal(4, DataSet.price(b));
          ps.setInt(5, DataSet.published(b));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (Statement st = c.createStatement()) {
        st.execute("SELECT setval(pg_get_serial_sequence('author', 'id'), max(id)) FROM author");
        st.execute("SELECT setval(pg_get_serial_sequence('book', 'id'), max(id)) FROM book");
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("VACUUM ANALYZE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the data set: " + e.getMessage(), e);
    }
  }
}
