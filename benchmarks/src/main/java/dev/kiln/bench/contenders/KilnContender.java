package dev.kiln.bench.contenders;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.Author;
import dev.kiln.bench.model.AuthorRepository;
import dev.kiln.bench.model.AuthorTotals;
import dev.kiln.bench.model.Author_;
import dev.kiln.bench.model.Book;
import dev.kiln.bench.model.BookQueries;
import dev.kiln.bench.model.BookQueries_Impl;
import dev.kiln.bench.model.BookRepository;
import dev.kiln.bench.model.Book_;
import dev.kiln.query.Aggregate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kiln as its README shows it: {@code Database.open} with the tuned defaults (one writer, a read
 * pool, statement caches), the generated repositories, typed queries and a fetch plan; with
 * {@code cached}, an entity cache big enough for every author, warmed before measuring.
 */
public final class KilnContender implements RecordContender {

  private final Database db;
  private final AuthorRepository authors;
  private final BookRepository books;
  private final BookQueries queries;
  private final Mode mode;

  /** How Kiln is set up. */
  public enum Mode {
    /** As {@code Database.open} sets it up: no caches, statement statistics on. */
    PLAIN,
    /** With the entity cache holding every author ({@code warm()}). */
    ENTITY_CACHE,
    /** With the query cache, which finds by key and reports use ({@code .cached()}). */
    QUERY_CACHE,
    /** Without per-statement statistics: what they cost. */
    NO_STATISTICS,
    /** As PLAIN, but inserting with {@code bulkInsert}, which reads no key back. */
    BULK_INSERT
  }

  public KilnContender(Path file, Mode mode) {
    this(Database.builder(file), mode);
  }

  /** Kiln on the database {@code builder} opens (a SQLite file, or PostgreSQL). */
  public KilnContender(DatabaseBuilder builder, Mode mode) {
    this.mode = mode;
    switch (mode) {
      case ENTITY_CACHE -> builder.entityCache(2 * DataSet.AUTHORS, Duration.ofHours(1));
      case QUERY_CACHE -> builder.queryCache(4 * DataSet.AUTHORS, Duration.ofHours(1));
      case NO_STATISTICS -> builder.statementStatistics(false);
      case PLAIN, BULK_INSERT -> { }
    }
    this.db = builder.build();
    db.migrate();
    this.authors = new AuthorRepository(db);
    this.books = new BookRepository(db);
    this.queries = new BookQueries_Impl(db);
    if (mode == Mode.ENTITY_CACHE) {
      authors.warm();
    }
  }

  public Database database() {
    return db;
  }

  @Override
  public Author findAuthor(long id) {
    if (mode == Mode.QUERY_CACHE) {
      return authors.query().where(Author_.ID.eq(id)).cached().first().orElse(null);
    }
    return authors.findById(id).orElse(null);
  }

  @Override
  public List<Author> authorsAfter(long afterId, int count) {
    return authors.query().where(Author_.ID.gt(afterId)).limit(count).list();
  }

  @Override
  public List<Author> authorsWithBooks(long firstId, long lastId) {
    return authors.query().where(Author_.ID.between(firstId, lastId)).fetch(Author_.BOOKS).list();
  }

  @Override
  public List<Author> authorsWithBooksOneByOne(long firstId, long lastId) {
    List<Author> roots = authors.query().where(Author_.ID.between(firstId, lastId)).list();
    List<Author> result = new ArrayList<>(roots.size());
    for (Author author : roots) {
      result.add(author.withBooks(queries.findByAuthorIdOrderByIdAsc(author.id())));
    }
    return result;
  }

  @Override
  public List<Author> authorsByEmailAfter(Author last, int count) {
    return authors.query().orderBy(Author_.EMAIL.desc()).after(last).limit(count).list();
  }

  @Override
  public List<AuthorTotals> bookTotals(long firstId, long lastId) {
    BookRepository.Query report = books.query().where(Book_.AUTHOR_ID.between(firstId, lastId))
        .groupBy(Book_.AUTHOR_ID);
    if (mode == Mode.QUERY_CACHE) {
      report.cached();
    }
    return report.select(Book_.AUTHOR_ID, Aggregate.count(), Book_.PRICE.sum())
        .into(AuthorTotals::new).list();
  }

  @Override
  public int insertBooks(List<Book> list) {
    return mode == Mode.BULK_INSERT ? books.bulkInsert(list) : books.insertAll(list).size();
  }

  @Override
  public int updateBook(Book book) {
    books.update(book);
    return 1; // update throws when no row has the key
  }

  @Override
  public void close() {
    db.close();
  }
}
