package dev.kiln.bench.contenders.mybatis;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.contenders.Pool;
import dev.kiln.bench.model.Book;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis 3 on the shared {@link Pool}: a mapper interface with its SQL and result maps in XML,
 * a session per operation (autocommit for reads and the single update, so that no transaction is
 * opened for them), 1:N as one {@code LEFT JOIN} mapped by a nested {@code <collection>} result
 * map, and inserts through a {@code BATCH} executor in one transaction. No second-level cache.
 */
public final class MyBatisContender implements Contender<MAuthor, MBook> {

  private final HikariDataSource pool;
  private final SqlSessionFactory factory;

  public MyBatisContender(Path file) {
    this.pool = Pool.open(file, "mybatis");
    Configuration config =
        new Configuration(new Environment("bench", new JdbcTransactionFactory(), pool));
    config.setCacheEnabled(false);
    config.getTypeHandlerRegistry().register(Instant.class, new InstantTextHandler());
    config.addMapper(BenchMapper.class);
    this.factory = new SqlSessionFactoryBuilder().build(config);
  }

  @Override
  public MAuthor findAuthor(long id) {
    try (SqlSession session = factory.openSession(true)) {
      return session.getMapper(BenchMapper.class).findAuthor(id);
    }
  }

  @Override
  public List<MAuthor> authorsAfter(long afterId, int count) {
    try (SqlSession session = factory.openSession(true)) {
      return session.getMapper(BenchMapper.class).authorsAfter(afterId, count);
    }
  }

  @Override
  public List<MAuthor> authorsWithBooks(long firstId, long lastId) {
    try (SqlSession session = factory.openSession(true)) {
      return session.getMapper(BenchMapper.class).authorsWithBooks(firstId, lastId);
    }
  }

  @Override
  public int insertBooks(List<Book> books) {
    try (SqlSession session = factory.openSession(ExecutorType.BATCH, false)) {
      BenchMapper mapper = session.getMapper(BenchMapper.class);
      for (Book book : books) {
        mapper.insertBook(
            new MBook(0, book.authorId(), book.title(), book.price(), book.published()));
      }
      int added = 0;
      for (BatchResult result : session.flushStatements()) {
        for (int n : result.getUpdateCounts()) {
          added += n;
        }
      }
      session.commit();
      return added;
    }
  }

  @Override
  public int updateBook(Book book) {
    try (SqlSession session = factory.openSession(true)) {
      return session.getMapper(BenchMapper.class).updateBook(new MBook(book.id(),
          book.authorId(), book.title(), book.price(), book.published()));
    }
  }

  @Override
  public long authorId(MAuthor author) {
    return author.getId();
  }

  @Override
  public String authorEmail(MAuthor author) {
    return author.getEmail();
  }

  @Override
  public List<MBook> books(MAuthor author) {
    return author.getBooks();
  }

  @Override
  public long bookId(MBook book) {
    return book.getId();
  }

  @Override
  public long bookAuthorId(MBook book) {
    return book.getAuthorId();
  }

  @Override
  public void close() {
    pool.close();
  }
}
