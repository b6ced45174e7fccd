package dev.kiln.bench.load;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.Book;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The operations of the load test's mix, each with its share of the calls, the way a service's
 * request threads use a data layer: mostly reads by key and pages, some fetch plans, and writes
 * — single updates in autocommit and small inserts in a transaction.
 */
public enum Operation {
  /** An author by key. */
  FIND(50) {
    @Override
    void run(Contender<Object, Object> c, ThreadLocalRandom random) {
      long id = random.nextLong(1, DataSet.AUTHORS + 1);
      if (c.authorId(c.findAuthor(id)) != id) {
        throw new AssertionError("found the wrong author for " + id);
      }
    }
  },
  /** A page of 20 authors in key order. */
  PAGE(20) {
    @Override
    void run(Contender<Object, Object> c, ThreadLocalRandom random) {
      long after = random.nextLong(0, DataSet.AUTHORS - 20);
      if (c.authorsAfter(after, 20).size() != 20) {
        throw new AssertionError("a page of 20 after " + after + " was short");
      }
    }
  },
  /** Ten authors with their books, eagerly: a fetch plan. */
  GRAPH(10) {
    @Override
    void run(Contender<Object, Object> c, ThreadLocalRandom random) {
      long first = random.nextLong(1, DataSet.AUTHORS - 9);
      List<Object> authors = c.authorsWithBooks(first, first + 9);
      // Inserts add books, so an author has at least the books of the data set.
      if (authors.size() != 10
          || c.books(authors.get(0)).size() < DataSet.BOOKS_PER_AUTHOR) {
        throw new AssertionError("a graph of 10 authors from " + first + " was incomplete");
      }
    }
  },
  /** One book rewritten by key, in autocommit. */
  UPDATE(10) {
    @Override
    void run(Contender<Object, Object> c, ThreadLocalRandom random) {
      long id = random.nextLong(1, DataSet.BOOKS + 1);
      Book book = new Book(id, DataSet.authorOf(id), DataSet.title(id),
          BigDecimal.valueOf(random.nextInt(1, 10_000), 2), DataSet.published(id));
      if (c.updateBook(book) != 1) {
        throw new AssertionError("book " + id + " was not updated");
      }
    }
  },
  /** Three new books inserted in one transaction. */
  INSERT(10) {
    @Override
    void run(Contender<Object, Object> c, ThreadLocalRandom random) {
      long author = random.nextLong(1, DataSet.AUTHORS + 1);
      List<Book> books = new ArrayList<>(3);
      for (int i = 0; i < 3; i++) {
        books.add(new Book(0, author, "New " + random.nextInt(), BigDecimal.TEN, 2026));
      }
      if (c.insertBooks(books) != 3) {
        throw new AssertionError("three books were not inserted");
      }
    }
  };

  /** Out of 100 calls, how many are this one. */
  final int share;

  Operation(int share) {
    this.share = share;
  }

  abstract void run(Contender<Object, Object> c, ThreadLocalRandom random);

  /** An operation drawn by the shares. */
  static Operation draw(ThreadLocalRandom random) {
    int n = random.nextInt(100);
    for (Operation op : values()) {
      n -= op.share;
      if (n < 0) {
        return op;
      }
    }
    throw new IllegalStateException("the shares add up to less than 100");
  }
}
