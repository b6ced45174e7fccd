package dev.kiln.bench.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.data.Values;
import dev.kiln.bench.model.Author;
import dev.kiln.bench.model.AuthorTotals;
import dev.kiln.bench.model.Book;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Hand-written JDBC on the shared {@link Pool}, in four styles.
 *
 * <ul>
 *   <li>{@link Style#WELL}, "done well", the baseline of every ratio: a connection is borrowed
 *       from the pool for each operation, as with every other contender, but each statement is
 *       prepared once per physical connection and reused. HikariCP closes the statements made
 *       through its proxy when a connection goes back to the pool, so they are prepared on the
 *       unwrapped sqlite-jdbc connection and kept in a map keyed by it (the pool lends a
 *       connection to one thread at a time, so a connection's statements need no lock). Columns
 *       are read by index, text as {@code getString}. A 1:N read is two statements in one read
 *       transaction: the parents, then their children keyed by the parents' keys
 *       ({@code author_id IN (?, …, ?)}, one bound parameter per key), merged in order. Inserts
 *       are one JDBC batch in a transaction.</li>
 *   <li>{@link Style#WELL_JOIN}: the same, but 1:N is one {@code LEFT JOIN}.</li>
 *   <li>{@link Style#WELL_RANGE}: the same, but the children's statement repeats the parents'
 *       filter on the foreign key ({@code author_id BETWEEN ? AND ?}), which only works because
 *       this filter is a range of keys: one index range scan instead of one index search per
 *       parent, the fastest plan there is for this query.</li>
 *   <li>{@link Style#NAIVE}: the same SQL and reading code, but every statement is prepared on the
 *       pool's connection and closed after use, as most JDBC code does; 1:N is the join.</li>
 *   <li>{@link Style#WELL_KEYS}: WELL, but an insert returns the new rows with their keys, as
 *       Kiln's {@code insertAll} does, the fastest way there is on sqlite-jdbc: inside the
 *       transaction, which holds the write lock, the largest key is read, and the rows are
 *       inserted as one batch with the keys after it (one {@code RETURNING} per row costs about
 *       twice as much per row).</li>
 * </ul>
 */
public final class JdbcContender implements RecordContender {

  /** How the statements are prepared and how 1:N is read. */
  public enum Style { WELL, WELL_JOIN, WELL_RANGE, NAIVE, WELL_KEYS }

  private static final int FIND = 0;
  private static final int PAGE = 1;
  private static final int AUTHOR_RANGE = 2;
  private static final int BOOK_RANGE = 3;
  private static final int JOIN = 4;
  private static final int BOOKS_OF = 5;
  private static final int INSERT = 6;
  private static final int UPDATE = 7;
  private static final int BY_EMAIL = 8;
  private static final int PRICES = 9;
  private static final int MAX_BOOK = 10;
  private static final int INSERT_KEYED = 11;

  private static final String[] SQL = {
      "SELECT id, name, email, created_at FROM author WHERE id = ?",
      "SELECT id, name, email, created_at FROM author WHERE id > ? ORDER BY id LIMIT ?",
      "SELECT id, name, email, created_at FROM author WHERE id BETWEEN ? AND ? ORDER BY id",
      "SELECT id, author_id, title, price, published FROM book"
          + " WHERE author_id BETWEEN ? AND ? ORDER BY author_id, id",
      "SELECT a.id, a.name, a.email, a.created_at, b.id, b.author_id, b.title, b.price,"
          + " b.published FROM author a LEFT JOIN book b ON b.author_id = a.id"
          + " WHERE a.id BETWEEN ? AND ? ORDER BY a.id, b.id",
      "SELECT id, author_id, title, price, published FROM book WHERE author_id = ? ORDER BY id",
      "INSERT INTO book (author_id, title, price, published) VALUES (?, ?, ?, ?)",
      "UPDATE book SET author_id = ?, title = ?, price = ?, published = ? WHERE id = ?",
      "SELECT id, name, email, created_at FROM author WHERE email < ? ORDER BY email DESC"
          + " LIMIT ?",
      // SQLite's sum() would add the decimal text as doubles: the exact sum is Java's
      "SELECT author_id, price FROM book WHERE author_id BETWEEN ? AND ? ORDER BY author_id",
      "SELECT max(id) FROM book",
      "INSERT INTO book (id, author_id, title, price, published) VALUES (?, ?, ?, ?, ?)",
  };

  private final HikariDataSource pool;
  private final Style style;
  private final ConnectionStatements statements = new ConnectionStatements(SQL);
  /** The children's statement keyed by one parameter per parent key, per physical connection. */
  private final Map<Connection, Keyed> keyed = new ConcurrentHashMap<>();

  private record Keyed(PreparedStatement statement, int keys) {}

  public JdbcContender(Path file, Style style) {
    this.pool = Pool.open(file, "jdbc-" + style);
    this.style = style;
  }

  /** Statement {@code which} for the borrowed connection {@code c}; give it to {@link #done}. */
  private PreparedStatement prepare(Connection c, int which) throws SQLException {
    return style == Style.NAIVE ? c.prepareStatement(SQL[which]) : statements.get(c, which);
  }

  /** {@code SELECT … FROM book WHERE author_id IN (?, …, ?)} for {@code keys} parent keys. */
  private PreparedStatement keyedBooks(Connection c, int keys) throws SQLException {
    Connection physical = c.unwrap(SQLiteConnection.class);
    Keyed mine = keyed.get(physical);
    if (mine == null || mine.keys() != keys) {
      if (mine != null) {
        mine.statement().close();
      }
      mine = new Keyed(physical.prepareStatement("SELECT id, author_id, title, price, published"
          + " FROM book WHERE author_id IN (" + String.join(", ", Collections.nCopies(keys, "?"))
          + ") ORDER BY author_id, id"), keys);
      keyed.put(physical, mine);
    }
    return mine.statement();
  }

  private void done(PreparedStatement ps) throws SQLException {
    if (style == Style.NAIVE) {
      ps.close();
    }
  }

  private static Author author(ResultSet rs) throws SQLException {
    return new Author(rs.getLong(1), rs.getString(2), rs.getString(3),
        Values.instant(rs.getString(4)));
  }

  private static Book book(ResultSet rs, int first) throws SQLException {
    return new Book(rs.getLong(first), rs.getLong(first + 1), rs.getString(first + 2),
        new BigDecimal(rs.getString(first + 3)), rs.getInt(first + 4));
  }

  @Override
  public Author findAuthor(long id) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, FIND);
      try {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? author(rs) : null;
        }
      } finally {
        done(ps);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Author> authorsAfter(long afterId, int count) {
    return authors(PAGE, count, ps -> {
      ps.setLong(1, afterId);
      ps.setInt(2, count);
    });
  }

  /** Binds the parameters of a statement. */
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** The authors statement {@code which} reads, bound by {@code binder}. */
  private List<Author> authors(int which, int count, Binder binder) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, which);
      try {
        binder.bind(ps);
        List<Author> page = new ArrayList<>(count);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            page.add(author(rs));
          }
        }
        return page;
      } finally {
        done(ps);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Author> authorsByEmailAfter(Author last, int count) {
    return authors(BY_EMAIL, count, ps -> {
      ps.setString(1, last.email()); // emails are unique: no tie to break
      ps.setInt(2, count);
    });
  }

  @Override
  public List<AuthorTotals> bookTotals(long firstId, long lastId) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, PRICES);
      try {
        ps.setLong(1, firstId);
        ps.setLong(2, lastId);
        List<AuthorTotals> rows = new ArrayList<>((int) (lastId - firstId + 1));
        try (ResultSet rs = ps.executeQuery()) {
          long author = -1;
          long books = 0;
          BigDecimal total = BigDecimal.ZERO;
          while (rs.next()) {
            long next = rs.getLong(1);
            if (next != author && author != -1) {
              rows.add(new AuthorTotals(author, books, total));
              books = 0;
              total = BigDecimal.ZERO;
            }
            author = next;
            books++;
            total = total.add(new BigDecimal(rs.getString(2)));
          }
          if (author != -1) {
            rows.add(new AuthorTotals(author, books, total));
          }
        }
        return rows;
      } finally {
        done(ps);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Author> authorsWithBooks(long firstId, long lastId) {
    try (Connection c = pool.getConnection()) {
      return style == Style.WELL || style == Style.WELL_RANGE
          ? twoQueries(c, firstId, lastId) : join(c, firstId, lastId);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The authors, then their books keyed by the authors' keys (or, {@code WELL_RANGE}, by the same
   * range), in one snapshot, merged in order.
   */
  private List<Author> twoQueries(Connection c, long firstId, long lastId) throws SQLException {
    return JdbcTransactions.inTransaction(c, false, conn -> {
      List<Author> roots = new ArrayList<>((int) (lastId - firstId + 1));
      PreparedStatement ps = prepare(conn, AUTHOR_RANGE);
      ps.setLong(1, firstId);
      ps.setLong(2, lastId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          roots.add(author(rs));
        }
      }
      List<Author> result = new ArrayList<>(roots.size());
      if (roots.isEmpty()) {
        return result;
      }
      if (style == Style.WELL_RANGE) {
        ps = prepare(conn, BOOK_RANGE);
        ps.setLong(1, firstId);
        ps.setLong(2, lastId);
      } else {
        ps = keyedBooks(conn, roots.size());
        for (int i = 0; i < roots.size(); i++) {
          ps.setLong(i + 1, roots.get(i).id());
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        boolean more = rs.next();
        for (Author author : roots) {
          List<Book> books = new ArrayList<>();
          while (more && rs.getLong(2) == author.id()) {
            books.add(book(rs, 1));
            more = rs.next();
          }
          result.add(author.withBooks(books));
        }
      }
      return result;
    });
  }

  /** One LEFT JOIN, ordered by author then book; an author's columns are read once. */
  private List<Author> join(Connection c, long firstId, long lastId) throws SQLException {
    PreparedStatement ps = prepare(c, JOIN);
    try {
      ps.setLong(1, firstId);
      ps.setLong(2, lastId);
      List<Author> result = new ArrayList<>((int) (lastId - firstId + 1));
      try (ResultSet rs = ps.executeQuery()) {
        Author author = null;
        List<Book> books = null;
        while (rs.next()) {
          long id = rs.getLong(1);
          if (author == null || author.id() != id) {
            if (author != null) {
              result.add(author.withBooks(books));
            }
            author = author(rs);
            books = new ArrayList<>();
          }
          rs.getLong(5);
          if (!rs.wasNull()) {
            books.add(book(rs, 5));
          }
        }
        if (author != null) {
          result.add(author.withBooks(books));
        }
      }
      return result;
    } finally {
      done(ps);
    }
  }

  @Override
  public List<Author> authorsWithBooksOneByOne(long firstId, long lastId) {
    try (Connection c = pool.getConnection()) {
      List<Author> roots = new ArrayList<>((int) (lastId - firstId + 1));
      PreparedStatement ps = prepare(c, AUTHOR_RANGE);
      try {
        ps.setLong(1, firstId);
        ps.setLong(2, lastId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            roots.add(author(rs));
          }
        }
      } finally {
        done(ps);
      }
      List<Author> result = new ArrayList<>(roots.size());
      for (Author author : roots) {
        ps = prepare(c, BOOKS_OF);
        try {
          ps.setLong(1, author.id());
          List<Book> books = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              books.add(book(rs, 1));
            }
          }
          result.add(author.withBooks(books));
        } finally {
          done(ps);
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public int insertBooks(List<Book> books) {
    if (style == Style.WELL_KEYS) {
      return insertReturningKeys(books).size();
    }
    return inWriteTransaction(c -> {
      PreparedStatement ps = prepare(c, INSERT);
      int added = 0;
      try {
        for (Book book : books) {
          ps.setLong(1, book.authorId());
          ps.setString(2, book.title());
          ps.setString(3, book.price().toString());
          ps.setInt(4, book.published());
          ps.addBatch();
        }
        for (int n : ps.executeBatch()) {
          added += n;
        }
      } finally {
        done(ps);
      }
      return added;
    });
  }

  /** Inserts {@code books} in one transaction; returns them with the keys they were given. */
  private List<Book> insertReturningKeys(List<Book> books) {
    return inWriteTransaction(c -> {
      long next;
      try (ResultSet rs = prepare(c, MAX_BOOK).executeQuery()) {
        rs.next();
        next = rs.getLong(1) + 1;
      }
      PreparedStatement ps = prepare(c, INSERT_KEYED);
      List<Book> stored = new ArrayList<>(books.size());
      for (Book book : books) {
        Book row = new Book(next++, book.authorId(), book.title(), book.price(),
            book.published());
        ps.setLong(1, row.id());
        ps.setLong(2, row.authorId());
        ps.setString(3, row.title());
        ps.setString(4, row.price().toString());
        ps.setInt(5, row.published());
        ps.addBatch();
        stored.add(row);
      }
      ps.executeBatch();
      return stored;
    });
  }

  private <T> T inWriteTransaction(JdbcTransactions.Work<T> work) {
    return JdbcTransactions.inWriteTransaction(pool, work);
  }

  @Override
  public int updateBook(Book book) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, UPDATE);
      try {
        ps.setLong(1, book.authorId());
        ps.setString(2, book.title());
        ps.setString(3, book.price().toString());
        ps.setInt(4, book.published());
        ps.setLong(5, book.id());
        return ps.executeUpdate();
      } finally {
        done(ps);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    for (Keyed mine : keyed.values()) {
      try {
        mine.statement().close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    statements.closeAll();
    pool.close();
  }
}
