package dev.kiln.bench.contenders;

import dev.kiln.bench.model.Author;
import dev.kiln.bench.model.Book;
import java.util.List;

/**
 * A contender that reads into the benchmark's own records ({@link Author}, {@link Book}): Kiln,
 * hand-written JDBC, jOOQ and JDBI. The accessors the benchmarks check results with are the
 * records' own.
 */
public interface RecordContender extends Contender<Author, Book> {

  @Override
  default long authorId(Author author) {
    return author.id();
  }

  @Override
  default String authorEmail(Author author) {
    return author.email();
  }

  @Override
  default List<Book> books(Author author) {
    return author.books();
  }

  @Override
  default long bookId(Book book) {
    return book.id();
  }

  @Override
  default long bookAuthorId(Book book) {
    return book.authorId();
  }
}
