package dev.kiln.bench.contenders;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.data.Values;
import dev.kiln.bench.model.Author;
import dev.kiln.bench.model.Book;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * JDBI 3 on the shared {@link Pool}: a handle per operation, named parameters, hand-written
 * {@link RowMapper}s reading columns by index (faster than its reflective mappers), and 1:N as one
 * {@code LEFT JOIN} folded with {@code reduceRows}, the pattern JDBI's guide gives for it; inserts
 * as a {@link PreparedBatch} in a transaction.
 */
public final class JdbiContender implements RecordContender {

  private static final RowMapper<Author> AUTHOR = (rs, ctx) -> new Author(rs.getLong(1),
      rs.getString(2), rs.getString(3), Values.instant(rs.getString(4)));

  /** The book columns of the join, which follow the author's four. */
  private static final RowMapper<Book> JOINED_BOOK = (rs, ctx) -> new Book(rs.getLong(5),
      rs.getLong(6), rs.getString(7), new BigDecimal(rs.getString(8)), rs.getInt(9));

  private final HikariDataSource pool;
  private final Jdbi jdbi;

  public JdbiContender(Path file) {
    this.pool = Pool.open(file, "jdbi");
    this.jdbi = Jdbi.create(pool);
    jdbi.registerRowMapper(Author.class, AUTHOR);
    jdbi.registerRowMapper(Book.class, JOINED_BOOK);
  }

  @Override
  public Author findAuthor(long id) {
    return jdbi.withHandle(h -> h
        .createQuery("SELECT id, name, email, created_at FROM author WHERE id = :id")
        .bind("id", id)
        .map(AUTHOR)
        .findOne()
        .orElse(null));
  }

  @Override
  public List<Author> authorsAfter(long afterId, int count) {
    return jdbi.withHandle(h -> h
        .createQuery("SELECT id, name, email, created_at FROM author"
            + " WHERE id > :after ORDER BY id LIMIT :count")
        .bind("after", afterId)
        .bind("count", count)
        .map(AUTHOR)
        .list());
  }

  /** An author being read, with the books read so far. */
  private record Partial(Author author, List<Book> books) {}

  @Override
  public List<Author> authorsWithBooks(long firstId, long lastId) {
    LinkedHashMap<Long, Partial> byId = jdbi.withHandle(h -> h
        .createQuery("SELECT a.id, a.name, a.email, a.created_at, b.id, b.author_id, b.title,"
            + " b.price, b.published FROM author a LEFT JOIN book b ON b.author_id = a.id"
            + " WHERE a.id BETWEEN :first AND :last ORDER BY a.id, b.id")
        .bind("first", firstId)
        .bind("last", lastId)
        .reduceRows(new LinkedHashMap<>(), (map, row) -> {
          Partial partial = map.computeIfAbsent(row.getColumn(1, Long.class),
              id -> new Partial(row.getRow(Author.class), new ArrayList<>()));
          if (row.getColumn(5, Long.class) != null) {
            partial.books().add(row.getRow(Book.class));
          }
          return map;
        }));
    List<Author> result = new ArrayList<>(byId.size());
    for (Partial partial : byId.values()) {
      result.add(partial.author().withBooks(partial.books()));
    }
    return result;
  }

  @Override
  public int insertBooks(List<Book> books) {
    return jdbi.inTransaction(h -> {
      PreparedBatch batch = h.prepareBatch("INSERT INTO book (author_id, title, price, published)"
          + " VALUES (:authorId, :title, :price, :published)");
      for (Book book : books) {
        batch.bind("authorId", book.authorId())
            .bind("title", book.title())
            .bind("price", book.price())
            .bind("published", book.published())
            .add();
      }
      int added = 0;
      for (int n : batch.execute()) {
        added += n;
      }
      return added;
    });
  }

  @Override
  public int updateBook(Book book) {
    return jdbi.withHandle(h -> h
        .createUpdate("UPDATE book SET author_id = :authorId, title = :title, price = :price,"
            + " published = :published WHERE id = :id")
        .bind("authorId", book.authorId())
        .bind("title", book.title())
        .bind("price", book.price())
        .bind("published", book.published())
        .bind("id", book.id())
        .execute());
  }

  @Override
  public void close() {
    pool.close();
  }
}
