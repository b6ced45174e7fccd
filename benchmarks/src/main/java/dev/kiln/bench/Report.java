package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;

import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.AuthorTotals;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * A report over 100 authors and their 1,000 books: each author's number of books and exact total
 * price. Kiln's {@code groupBy(…).select(Book_.AUTHOR_ID, Aggregate.count(),
 * Book_.PRICE.sum())} against hand-written JDBC that is exact too: on SQLite it sums the decimal
 * text in Java (SQLite's {@code sum} would add doubles), on PostgreSQL it lets {@code numeric}
 * sum.
 */
public class Report extends Trial {

  static final int AUTHORS = 100;

  /**
   * Every author's total price, worked out once: checking a result then costs a comparison a
   * row, not the thousand additions of the report itself, which would both dilute the contenders'
   * differences and make them hang on how the JIT compiled the check in each JVM.
   */
  private static final BigDecimal[] TOTALS = totals();

  @Param({JDBC, KILN, JDBC_PG, KILN_PG})
  public String contender;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public List<AuthorTotals> report() {
    long first = ThreadLocalRandom.current().nextLong(1, DataSet.AUTHORS - AUTHORS + 2);
    List<AuthorTotals> rows = c.bookTotals(first, first + AUTHORS - 1);
    check(rows, first);
    return rows;
  }

  /** Checks {@code rows}, the totals of the {@value #AUTHORS} authors from {@code first}. */
  static void check(List<AuthorTotals> rows, long first) {
    if (rows.size() != AUTHORS) {
      throw new AssertionError("expected " + AUTHORS + " authors, read " + rows.size());
    }
    for (int i = 0; i < AUTHORS; i++) {
      long author = first + i;
      AuthorTotals row = rows.get(i);
      BigDecimal total = TOTALS[(int) author];
      if (row.authorId() != author || row.books() != DataSet.BOOKS_PER_AUTHOR
          || row.total().compareTo(total) != 0) {
        throw new AssertionError("expected " + author + ": " + DataSet.BOOKS_PER_AUTHOR
            + " books, " + total + " in all; read " + row);
      }
    }
  }

  /** Each author's total price, indexed by the author's key. */
  private static BigDecimal[] totals() {
    BigDecimal[] totals = new BigDecimal[DataSet.AUTHORS + 1];
    for (int author = 1; author <= DataSet.AUTHORS; author++) {
      BigDecimal total = BigDecimal.ZERO;
      for (long book = (author - 1L) * DataSet.BOOKS_PER_AUTHOR + 1;
          book <= (long) author * DataSet.BOOKS_PER_AUTHOR; book++) {
        total = total.add(DataSet.price(book));
      }
      totals[author] = total;
    }
    return totals;
  }
}
