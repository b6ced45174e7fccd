package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Cached;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import dev.kiln.it.model.Book;
import dev.kiln.it.model.Customer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code @Cached} methods, one per way a statement reads tables: a derived finder, a join, a
 * subquery, a collection argument, a scalar, and mutable class entities.
 */
@Dao(Book.class)
public interface CachedQueries {

  @Cached
  List<Book> findByAuthorId(long authorId);

  /** Reads author and book: a write to either drops it. */
  @Cached
  @AllowScan("every author, to report on")
  @Sql("SELECT a.name, count(b.id) AS books FROM author a JOIN book b ON b.author_id = a.id"
      + " GROUP BY a.name ORDER BY a.name")
  List<AuthorBooks> bookCounts();

  /** Reads author through a subquery on book. */
  @Cached
  @AllowScan("a handful of authors in the tests")
  @Sql("SELECT name FROM author WHERE id IN (SELECT author_id FROM book WHERE price > 10)"
      + " ORDER BY name")
  List<String> authorsOfDearBooks();

  @Cached
  @Sql("SELECT count(*) FROM book WHERE author_id IN (:authors)")
  long countOf(Collection<Long> authors);

  @Cached
  @Sql("SELECT published FROM book WHERE id = :id")
  Optional<Integer> published(long id);

  @Cached
  @AllowScan("a handful of customers in the tests")
  @Sql("SELECT * FROM class_customer ORDER BY id")
  List<Customer> customers();

  /** A row of {@link #bookCounts}. */
  record AuthorBooks(String name, long books) {}
}
