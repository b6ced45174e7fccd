package dev.kiln.bench.lean;

import dev.kiln.Database;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.data.PostgresDataSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The lean data set: 10,000 writers with 10 notes each, integers, text and REALs only; built once
 * per process into a template (a SQLite file, or a PostgreSQL template database), and copied for
 * each trial.
 */
public final class LeanData {

  public static final int WRITERS = 10_000;
  public static final int NOTES_PER_WRITER = 10;
  public static final int NOTES = WRITERS * NOTES_PER_WRITER;
  public static final int COMMENTS_PER_NOTE = 3;
  public static final int TAGS = 100;

  private static Path template;

  private LeanData() {}

  /** A fresh copy of the data set in {@code dir}. */
  public static synchronized Path copyTo(Path dir) {
    try {
      if (template == null) {
        Path home = Files.createTempDirectory("kiln-lean-template");
        template = build(home.resolve("lean.db"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DataSet.deleteTree(home)));
      }
      Path file = dir.resolve("lean.db");
      Files.copy(template, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JDBC URL of a fresh copy of the data set on the embedded PostgreSQL server. */
  public static String copyToPostgres() {
    return PostgresDataSet.copyOf("lean_template", LeanData::buildOnPostgres);
  }

  private static Path build(Path file) {
    try (Database db = Database.open(file)) {
      db.migrate();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      fill(c);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the lean data set: " + e.getMessage(), e);
    }
    return file;
  }

  private static void buildOnPostgres(String url) {
    try (Database db = Database.open(url)) {
      db.migrate();
    }
    try (Connection c = DriverManager.getConnection(url)) {
      fill(c);
      try (Statement st = c.createStatement()) {
        st.execute("VACUUM ANALYZE");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the lean data set: " + e.getMessage(), e);
    }
  }

  /** Inserts every row, keys included, in one transaction on {@code c}. */
  private static void fill(Connection c) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO lean_writer (id, name, rating) VALUES (?, ?, ?)")) {
      for (long w = 1; w <= WRITERS; w++) {
        ps.setLong(1, w);
        ps.setString(2, name(w));
        ps.setDouble(3, rating(w));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO lean_note"
        + " (id, writer_id, title, pages, weight) VALUES (?, ?, ?, ?, ?)")) {
      for (long n = 1; n <= NOTES; n++) {
        ps.setLong(1, n);
        ps.setLong(2, writerOf(n));
        ps.setString(3, title(n));
        ps.setInt(4, pages(n));
        ps.setDouble(5, weight(n));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO lean_comment (id, note_id, body, score) VALUES (?, ?, ?, ?)")) {
      for (long m = 1; m <= (long) NOTES * COMMENTS_PER_NOTE; m++) {
        ps.setLong(1, m);
        ps.setLong(2, (m - 1) / COMMENTS_PER_NOTE + 1);
        ps.setString(3, "Comment " + m);
        ps.setInt(4, (int) (m % 5));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO lean_tag (id, name) VALUES (?, ?)")) {
      for (long t = 1; t <= TAGS; t++) {
        ps.setLong(1, t);
        ps.setString(2, "tag" + t);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO lean_note_tag (note_id, tag_id) VALUES (?, ?)")) {
      for (long n = 1; n <= NOTES; n++) {
        for (long t : tagsOf(n)) {
          ps.setLong(1, n);
          ps.setLong(2, t);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  public static String name(long writer) {
    return "Writer " + writer;
  }

  public static double rating(long writer) {
    return (writer % 50) / 10.0;
  }

  public static long writerOf(long note) {
    return (note - 1) / NOTES_PER_WRITER + 1;
  }

  public static String title(long note) {
    return "Note " + note;
  }

  public static int pages(long note) {
    return (int) (note % 400) + 1;
  }

  /** The two tags of {@code note}, in key order. */
  public static long[] tagsOf(long note) {
    long a = note % TAGS + 1;
    long b = (note * 7) % TAGS + 1;
    if (a == b) {
      b = a % TAGS + 1;
    }
    return new long[] {Math.min(a, b), Math.max(a, b)};
  }

  public static double weight(long note) {
    return (note % 1000) / 8.0;
  }
}
