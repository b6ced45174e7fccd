package dev.kiln.bench.contenders;

import dev.kiln.bench.model.AuthorTotals;
import dev.kiln.bench.model.Book;
import java.util.List;

/**
 * One way of running the benchmark's operations: Kiln, hand-written JDBC, or a peer. Each
 * implementation is written the way that tool's own documentation recommends, is thread-safe,
 * and returns the objects it naturally returns ({@code A} for an author, {@code B} for a book);
 * the accessors at the end let the benchmarks check those results whatever their type.
 *
 * @param <A> what an author is read into
 * @param <B> what a book is read into
 */
public interface Contender<A, B> extends AutoCloseable {

  /** The author with key {@code id}, or null. */
  A findAuthor(long id);

  /** The {@code count} authors after key {@code afterId}, in key order. */
  List<A> authorsAfter(long afterId, int count);

  /** The authors with keys {@code firstId … lastId}, each with its books, all in key order. */
  List<A> authorsWithBooks(long firstId, long lastId);

  /** The same as {@link #authorsWithBooks}, loading the books one author at a time (N+1). */
  default List<A> authorsWithBooksOneByOne(long firstId, long lastId) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no N+1 variant");
  }

  /**
   * The {@code count} authors after {@code last} in descending email order (unique and indexed):
   * a keyset page. Only the contenders that read into the benchmark's records answer it.
   */
  default List<A> authorsByEmailAfter(A last, int count) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no keyset page");
  }

  /**
   * For each author from {@code firstId} to {@code lastId}, in key order: the number of books and
   * their exact total price — a report.
   */
  default List<AuthorTotals> bookTotals(long firstId, long lastId) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has no report");
  }

  /** Inserts {@code books} (keys 0: the database assigns them) in one transaction; rows added. */
  int insertBooks(List<Book> books);

  /** Updates the book with {@code book}'s key, every column, in autocommit; the rows changed. */
  int updateBook(Book book);

  long authorId(A author);

  String authorEmail(A author);

  /** The books loaded with {@code author}, or null when none were. */
  List<B> books(A author);

  long bookId(B book);

  long bookAuthorId(B book);

  @Override
  void close();
}
