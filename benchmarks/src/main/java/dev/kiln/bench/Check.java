package dev.kiln.bench;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.data.DataSet;
import java.util.List;

/**
 * What every benchmark checks of its result, so that a contender that does less work fails
 * instead of winning: the keys of the rows read, their number, and for 1:N every book's key and
 * author. The data set makes each of these a function of the keys asked for.
 */
final class Check {

  private Check() {}

  static <A> A author(Contender<A, ?> c, A author, long id) {
    if (author == null || c.authorId(author) != id
        || !c.authorEmail(author).equals(DataSet.email(id))) {
      throw new AssertionError("expected author " + id + ", read " + describe(c, author));
    }
    return author;
  }

  static <A> List<A> page(Contender<A, ?> c, List<A> page, long afterId, int count) {
    if (page.size() != count) {
      throw new AssertionError("expected " + count + " authors, read " + page.size());
    }
    for (int i = 0; i < count; i++) {
      if (c.authorId(page.get(i)) != afterId + 1 + i) {
        throw new AssertionError("expected author " + (afterId + 1 + i) + " at " + i
            + ", read " + describe(c, page.get(i)));
      }
    }
    return page;
  }

  static <A, B> List<A> graph(Contender<A, B> c, List<A> authors, long firstId, long lastId) {
    int count = (int) (lastId - firstId + 1);
    if (authors.size() != count) {
      throw new AssertionError("expected " + count + " authors, read " + authors.size());
    }
    for (int i = 0; i < count; i++) {
      A author = authors.get(i);
      long id = firstId + i;
      if (c.authorId(author) != id) {
        throw new AssertionError("expected author " + id + ", read " + describe(c, author));
      }
      List<B> books = c.books(author);
      if (books == null || books.size() != DataSet.BOOKS_PER_AUTHOR) {
        throw new AssertionError("expected " + DataSet.BOOKS_PER_AUTHOR + " books of author " + id
            + ", read " + (books == null ? "none" : books.size()));
      }
      long firstBook = (id - 1) * DataSet.BOOKS_PER_AUTHOR + 1;
      for (int j = 0; j < books.size(); j++) {
        B book = books.get(j);
        if (c.bookId(book) != firstBook + j || c.bookAuthorId(book) != id) {
          throw new AssertionError("expected book " + (firstBook + j) + " of author " + id
              + " at " + j + ", read book " + c.bookId(book) + " of " + c.bookAuthorId(book));
        }
      }
    }
    return authors;
  }

  static void rows(int expected, int actual, String what) {
    if (actual != expected) {
      throw new AssertionError("expected " + expected + " " + what + ", was " + actual);
    }
  }

  private static <A> String describe(Contender<A, ?> c, A author) {
    return author == null
        ? "none"
        : "author " + c.authorId(author) + " <" + c.authorEmail(author) + ">";
  }
}
