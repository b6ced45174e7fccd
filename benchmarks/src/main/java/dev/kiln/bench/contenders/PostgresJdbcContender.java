package dev.kiln.bench.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.model.Author;
import dev.kiln.bench.model.AuthorTotals;
import dev.kiln.bench.model.Book;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written JDBC done well on PostgreSQL, the baseline of the PostgreSQL ratios: a HikariCP
 * pool of the same size as Kiln's, each statement prepared once per physical connection and
 * reused (server-side from its first use, {@code prepareThreshold=1}, as Kiln's pool asks),
 * columns read by index in PostgreSQL's native types. A 1:N read is two statements in one
 * {@code REPEATABLE READ, READ ONLY} transaction (one snapshot, as Kiln reads it; the level is the
 * pool's session default and {@code READ ONLY} rides on the driver's {@code BEGIN}): the parents,
 * then their children keyed by the parents' keys bound as one array ({@code author_id = ANY(?)}).
 * Inserts are one JDBC batch in a transaction; {@code jdbc-keys-pg} also returns the new rows with
 * their keys, as Kiln's {@code insertAll} does.
 */
public final class PostgresJdbcContender implements RecordContender {

  private static final int FIND = 0;
  private static final int PAGE = 1;
  private static final int AUTHOR_RANGE = 2;
  private static final int BOOKS_OF = 3;
  private static final int INSERT = 4;
  private static final int UPDATE = 5;
  private static final int BY_EMAIL = 6;
  private static final int TOTALS = 7;
  private static final int NEXT_KEYS = 8;
  private static final int INSERT_KEYED = 9;

  private static final String[] SQL = {
      "SELECT id, name, email, created_at FROM author WHERE id = ?",
      "SELECT id, name, email, created_at FROM author WHERE id > ? ORDER BY id LIMIT ?",
      "SELECT id, name, email, created_at FROM author WHERE id BETWEEN ? AND ? ORDER BY id",
      "SELECT id, author_id, title, price, published FROM book WHERE author_id = ANY(?)"
          + " ORDER BY author_id, id",
      "INSERT INTO book (author_id, title, price, published) VALUES (?, ?, ?, ?)",
      "UPDATE book SET author_id = ?, title = ?, price = ?, published = ? WHERE id = ?",
      "SELECT id, name, email, created_at FROM author WHERE email < ? ORDER BY email DESC"
          + " LIMIT ?",
      "SELECT author_id, count(*), sum(price) FROM book WHERE author_id BETWEEN ? AND ?"
          + " GROUP BY author_id ORDER BY author_id",
      "SELECT nextval('book_id_seq') FROM generate_series(1, ?)",
      "INSERT INTO book (id, author_id, title, price, published) VALUES (?, ?, ?, ?, ?)",
  };

  private final HikariDataSource pool;
  private final ConnectionStatements statements = new ConnectionStatements(SQL);

  /** Whether an insert returns the new rows with their keys, as Kiln's {@code insertAll}. */
  private final boolean returnKeys;

  public PostgresJdbcContender(String url, boolean returnKeys) {
    this.pool = Pool.openPostgres(url, "jdbc-postgresql");
    this.returnKeys = returnKeys;
  }

  private PreparedStatement prepare(Connection c, int which) throws SQLException {
    return statements.get(c, which);
  }

  private static Author author(ResultSet rs) throws SQLException {
    return new Author(rs.getLong(1), rs.getString(2), rs.getString(3),
        rs.getObject(4, OffsetDateTime.class).toInstant());
  }

  private static Book book(ResultSet rs) throws SQLException {
    return new Book(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
        rs.getInt(5));
  }

  @Override
  public Author findAuthor(long id) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, FIND);
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? author(rs) : null;
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
      binder.bind(ps);
      List<Author> page = new ArrayList<>(count);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(author(rs));
        }
      }
      return page;
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
      PreparedStatement ps = prepare(c, TOTALS);
      ps.setLong(1, firstId);
      ps.setLong(2, lastId);
      List<AuthorTotals> rows = new ArrayList<>((int) (lastId - firstId + 1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new AuthorTotals(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Author> authorsWithBooks(long firstId, long lastId) {
    return JdbcTransactions.inReadTransaction(pool, c -> {
      List<Author> roots = new ArrayList<>((int) (lastId - firstId + 1));
      PreparedStatement ps = prepare(c, AUTHOR_RANGE);
      ps.setLong(1, firstId);
      ps.setLong(2, lastId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          roots.add(author(rs));
        }
      }
      List<Author> result = new ArrayList<>(roots.size());
      if (!roots.isEmpty()) {
        Long[] keys = new Long[roots.size()];
        for (int i = 0; i < keys.length; i++) {
          keys[i] = roots.get(i).id();
        }
        ps = prepare(c, BOOKS_OF);
        ps.setArray(1, c.createArrayOf("bigint", keys));
        try (ResultSet rs = ps.executeQuery()) {
          boolean more = rs.next();
          for (Author author : roots) {
            List<Book> books = new ArrayList<>();
            while (more && rs.getLong(2) == author.id()) {
              books.add(book(rs));
              more = rs.next();
            }
            result.add(author.withBooks(books));
          }
        }
      }
      return result;
    });
  }


  @Override
  public int insertBooks(List<Book> books) {
    if (returnKeys) {
      return insertReturningKeys(books).size();
    }
    return JdbcTransactions.inWriteTransaction(pool, c -> {
      PreparedStatement ps = prepare(c, INSERT);
      for (Book book : books) {
        ps.setLong(1, book.authorId());
        ps.setString(2, book.title());
        ps.setBigDecimal(3, book.price());
        ps.setInt(4, book.published());
        ps.addBatch();
      }
      int added = 0;
      for (int n : ps.executeBatch()) {
        added += n;
      }
      return added;
    });
  }

  /**
   * Inserts {@code books} in one transaction; returns them with the keys they were given: drawn
   * from the key sequence in one statement, then inserted with the rows as one batch. A batch
   * prepared to return its generated keys ({@code getGeneratedKeys}, which the driver does by
   * adding {@code RETURNING id}) ran at 0.96 of this by the clock.
   */
  private List<Book> insertReturningKeys(List<Book> books) {
    return JdbcTransactions.inWriteTransaction(pool, c -> {
      PreparedStatement next = prepare(c, NEXT_KEYS);
      next.setInt(1, books.size());
      List<Book> stored = new ArrayList<>(books.size());
      try (ResultSet rs = next.executeQuery()) {
        for (Book book : books) {
          rs.next();
          stored.add(new Book(rs.getLong(1), book.authorId(), book.title(), book.price(),
              book.published()));
        }
      }
      PreparedStatement ps = prepare(c, INSERT_KEYED);
      for (Book book : stored) {
        ps.setLong(1, book.id());
        ps.setLong(2, book.authorId());
        ps.setString(3, book.title());
        ps.setBigDecimal(4, book.price());
        ps.setInt(5, book.published());
        ps.addBatch();
      }
      ps.executeBatch();
      return stored;
    });
  }

  @Override
  public int updateBook(Book book) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, UPDATE);
      ps.setLong(1, book.authorId());
      ps.setString(2, book.title());
      ps.setBigDecimal(3, book.price());
      ps.setInt(4, book.published());
      ps.setLong(5, book.id());
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    statements.closeAll();
    pool.close();
  }
}
