package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.HIBERNATE;
import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.JDBC_NAIVE;
import static dev.kiln.bench.contenders.Contenders.JDBI;
import static dev.kiln.bench.contenders.Contenders.JOOQ;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;
import static dev.kiln.bench.contenders.Contenders.MYBATIS;

import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.Book;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One random book's row rewritten (every column, by key) with a new price, in autocommit: one
 * statement, one commit. After each iteration the last update is read back.
 */
public class UpdateBook extends Trial {

  private static final BigDecimal[] PRICES = new BigDecimal[64];

  static {
    for (int i = 0; i < PRICES.length; i++) {
      PRICES[i] = BigDecimal.valueOf(10_000 + i, 2);
    }
  }

  @Param({JDBC, JDBC_NAIVE, KILN, HIBERNATE, JOOQ, JDBI, MYBATIS, JDBC_PG, KILN_PG})
  public String contender;

  private int next;
  private Book last;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public int update() {
    long id = ThreadLocalRandom.current().nextLong(1, DataSet.BOOKS + 1);
    Book book = new Book(id, DataSet.authorOf(id), DataSet.title(id),
        PRICES[next++ & (PRICES.length - 1)], DataSet.published(id));
    int changed = c.updateBook(book);
    Check.rows(1, changed, "rows updated");
    last = book;
    return changed;
  }

  @TearDown(Level.Iteration)
  public void checkLastUpdate() throws SQLException {
    if (last == null) {
      return;
    }
    try (Connection side = side();
        PreparedStatement ps = side.prepareStatement("SELECT price FROM book WHERE id = ?")) {
      ps.setLong(1, last.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || new java.math.BigDecimal(rs.getString(1)).compareTo(last.price()) != 0) {
          throw new AssertionError("book " + last.id() + " was not updated");
        }
      }
    }
  }
}
