package dev.kiln.bench.data;

import dev.kiln.Database;
import dev.kiln.bench.model.Book;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The benchmark's database: 10,000 authors with 10 books each, in a SQLite file in WAL mode whose
 * schema Kiln created. Every value is a function of the row's key, so a benchmark can check what
 * it read without reading it twice: author {@code a} has books {@code 10(a-1)+1 … 10a}.
 *
 * <p>The file is built once per JVM (JMH runs each benchmark and contender in a JVM of its own)
 * and copied for each trial, so that writes never reach another trial's reads.
 */
public final class DataSet {

  public static final int AUTHORS = 10_000;
  public static final int BOOKS_PER_AUTHOR = 10;
  public static final int BOOKS = AUTHORS * BOOKS_PER_AUTHOR;

  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
  private static Path template;

  private DataSet() {}

  /** A fresh copy of the data set, {@code dir/bench.db}. */
  public static synchronized Path copyTo(Path dir) {
    try {
      if (template == null) {
        Path home = Files.createTempDirectory("kiln-bench-template");
        template = build(home.resolve("template.db"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(home)));
      }
      Path file = dir.resolve("bench.db");
      Files.copy(template, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds the data set in {@code file}: Kiln creates the schema, one transaction fills it. */
  static Path build(Path file) {
    try (Database db = Database.open(file)) {
      db.migrate();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA synchronous = OFF");
      }
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO author (id, name, email, created_at) VALUES (?, ?, ?, ?)")) {
        for (long a = 1; a <= AUTHORS; a++) {
          ps.setLong(1, a);
          ps.setString(2, name(a));
          ps.setString(3, email(a));
          ps.setString(4, Values.text(createdAt(a)));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO book (id, author_id, title, price, published) VALUES (?, ?, ?, ?, ?)")) {
        for (long b = 1; b <= BOOKS; b++) {
          ps.setLong(1, b);
          ps.setLong(2, authorOf(b));
          ps.setString(3, title(b));
          ps.setString(4, price(b).toString());
          ps.setInt(5, published(b));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the data set: " + e.getMessage(), e);
    }
    return file;
  }

  public static String name(long author) {
    return "Author " + author;
  }

  public static String email(long author) {
    return "author" + author + "@example.org";
  }

  /** Whole seconds for some authors, milliseconds for the others. */
  public static Instant createdAt(long author) {
    return EPOCH.plusMillis(author * (author % 3 == 0 ? 3_600_000L : 3_600_007L));
  }

  public static long authorOf(long book) {
    return (book - 1) / BOOKS_PER_AUTHOR + 1;
  }

  public static String title(long book) {
    return "Title " + book;
  }

  public static BigDecimal price(long book) {
    return BigDecimal.valueOf(500 + book % 9_500, 2);
  }

  public static int published(long book) {
    return 1950 + (int) (book % 75);
  }

  /** The stored book {@code id}. */
  public static Book book(long id) {
    return new Book(id, authorOf(id), title(id), price(id), published(id));
  }

  /** {@code count} new books (key 0: SQLite assigns it) of random existing authors. */
  public static List<Book> newBooks(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Book> books = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long author = random.nextLong(1, AUTHORS + 1);
      books.add(new Book(0, author, "New title " + i, BigDecimal.valueOf(100 + i, 2), 2024));
    }
    return List.copyOf(books);
  }

  /** Deletes {@code dir} and everything in it. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
