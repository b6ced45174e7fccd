package dev.kiln.bench.contenders;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.data.Values;
import dev.kiln.bench.model.Author;
import dev.kiln.bench.model.Book;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jooq.Converter;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ on the shared {@link Pool}: typed tables and fields (what its code generator writes,
 * declared here by hand with the same types), results mapped to records with
 * {@link Records#mapping}, 1:N with {@code MULTISET} (jOOQ's recommendation for nested
 * collections; on SQLite it runs as a correlated JSON subquery), inserts as one batch of bound
 * statements in a transaction. Execute logging is off, as jOOQ advises for production.
 */
public final class JooqContender implements RecordContender {

  static {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  private static final Table<Record> AUTHOR = table(name("author"));
  private static final Field<Long> AUTHOR_ID = field(name("author", "id"), SQLDataType.BIGINT);
  private static final Field<String> AUTHOR_NAME =
      field(name("author", "name"), SQLDataType.VARCHAR);
  private static final Field<String> AUTHOR_EMAIL =
      field(name("author", "email"), SQLDataType.VARCHAR);
  private static final Field<Instant> AUTHOR_CREATED_AT = field(name("author", "created_at"),
      SQLDataType.VARCHAR.asConvertedDataType(
          Converter.of(String.class, Instant.class, Values::instant, Values::text)));

  private static final Table<Record> BOOK = table(name("book"));
  private static final Field<Long> BOOK_ID = field(name("book", "id"), SQLDataType.BIGINT);
  private static final Field<Long> BOOK_AUTHOR_ID =
      field(name("book", "author_id"), SQLDataType.BIGINT);
  private static final Field<String> BOOK_TITLE =
      field(name("book", "title"), SQLDataType.VARCHAR);
  private static final Field<BigDecimal> BOOK_PRICE =
      field(name("book", "price"), SQLDataType.DECIMAL);
  private static final Field<Integer> BOOK_PUBLISHED =
      field(name("book", "published"), SQLDataType.INTEGER);

  private final HikariDataSource pool;
  private final DSLContext ctx;

  public JooqContender(Path file) {
    this.pool = Pool.open(file, "jooq");
    this.ctx = DSL.using(pool, SQLDialect.SQLITE, new Settings().withExecuteLogging(false));
  }

  private static Author author(Long id, String name, String email, Instant createdAt) {
    return new Author(id, name, email, createdAt);
  }

  private static Author authorWithBooks(
      Long id, String name, String email, Instant createdAt, List<Book> books) {
    return new Author(id, name, email, createdAt, books);
  }

  @Override
  public Author findAuthor(long id) {
    return ctx.select(AUTHOR_ID, AUTHOR_NAME, AUTHOR_EMAIL, AUTHOR_CREATED_AT)
        .from(AUTHOR)
        .where(AUTHOR_ID.eq(id))
        .fetchOne(Records.mapping(JooqContender::author));
  }

  @Override
  public List<Author> authorsAfter(long afterId, int count) {
    return ctx.select(AUTHOR_ID, AUTHOR_NAME, AUTHOR_EMAIL, AUTHOR_CREATED_AT)
        .from(AUTHOR)
        .where(AUTHOR_ID.gt(afterId))
        .orderBy(AUTHOR_ID)
        .limit(count)
        .fetch(Records.mapping(JooqContender::author));
  }

  @Override
  public List<Author> authorsWithBooks(long firstId, long lastId) {
    return ctx.select(AUTHOR_ID, AUTHOR_NAME, AUTHOR_EMAIL, AUTHOR_CREATED_AT,
            multiset(
                select(BOOK_ID, BOOK_AUTHOR_ID, BOOK_TITLE, BOOK_PRICE, BOOK_PUBLISHED)
                    .from(BOOK)
                    .where(BOOK_AUTHOR_ID.eq(AUTHOR_ID))
                    .orderBy(BOOK_ID))
                .convertFrom(r -> r.map(Records.mapping(Book::new))))
        .from(AUTHOR)
        .where(AUTHOR_ID.between(firstId, lastId))
        .orderBy(AUTHOR_ID)
        .fetch(Records.mapping(JooqContender::authorWithBooks));
  }

  @Override
  public int insertBooks(List<Book> books) {
    return ctx.transactionResult(tx -> {
      InsertValuesStep4<Record, Long, String, BigDecimal, Integer> insert = tx.dsl()
          .insertInto(BOOK, BOOK_AUTHOR_ID, BOOK_TITLE, BOOK_PRICE, BOOK_PUBLISHED)
          .values((Long) null, null, null, null);
      var batch = tx.dsl().batch(insert);
      for (Book book : books) {
        batch.bind(book.authorId(), book.title(), book.price(), book.published());
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
    return ctx.update(BOOK)
        .set(BOOK_AUTHOR_ID, book.authorId())
        .set(BOOK_TITLE, book.title())
        .set(BOOK_PRICE, book.price())
        .set(BOOK_PUBLISHED, book.published())
        .where(BOOK_ID.eq(book.id()))
        .execute();
  }

  @Override
  public void close() {
    pool.close();
  }
}
