package dev.kiln.bench;

import static dev.kiln.bench.contenders.Contenders.HIBERNATE;
import static dev.kiln.bench.contenders.Contenders.JDBC;
import static dev.kiln.bench.contenders.Contenders.JDBC_KEYS;
import static dev.kiln.bench.contenders.Contenders.JDBC_KEYS_PG;
import static dev.kiln.bench.contenders.Contenders.JDBC_PG;
import static dev.kiln.bench.contenders.Contenders.JDBC_NAIVE;
import static dev.kiln.bench.contenders.Contenders.JDBI;
import static dev.kiln.bench.contenders.Contenders.JOOQ;
import static dev.kiln.bench.contenders.Contenders.KILN;
import static dev.kiln.bench.contenders.Contenders.KILN_BULK;
import static dev.kiln.bench.contenders.Contenders.KILN_BULK_PG;
import static dev.kiln.bench.contenders.Contenders.KILN_PG;
import static dev.kiln.bench.contenders.Contenders.MYBATIS;

import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.Book;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 1,000 new books inserted in one transaction, keys assigned by the database: {@code jdbc} does
 * not read them back, {@code jdbc-keys} and Kiln ({@code insertAll} returns the stored entities)
 * do; {@code kiln-bulk} ({@code bulkInsert}) does not either, and is compared with {@code jdbc}.
 * On PostgreSQL the same with {@code -pg} names. After each iteration the rows added are counted
 * (they must be exactly those inserted) and deleted, so that the table is back to its 100,000
 * books.
 */
public class InsertBooks extends Trial {

  static final int ROWS = 1_000;

  @Param({JDBC, JDBC_KEYS, JDBC_NAIVE, KILN, KILN_BULK, HIBERNATE, JOOQ, JDBI, MYBATIS, JDBC_PG,
      JDBC_KEYS_PG, KILN_PG, KILN_BULK_PG})
  public String contender;

  private final List<Book> books = DataSet.newBooks(ROWS, 42);
  private long inserted;

  @Override
  protected String contender() {
    return contender;
  }

  @Benchmark
  public int insert() {
    int added = c.insertBooks(books);
    Check.rows(ROWS, added, "books inserted");
    inserted += added;
    return added;
  }

  @TearDown(Level.Iteration)
  public void removeInserted() throws SQLException {
    try (Connection side = side(); Statement st = side.createStatement()) {
      if (sqlite()) {
        st.execute("PRAGMA busy_timeout = 5000");
      }
      long found;
      try (ResultSet rs = st.executeQuery(
          "SELECT count(*) FROM book WHERE id > " + DataSet.BOOKS)) {
        rs.next();
        found = rs.getLong(1);
      }
      if (found != inserted) {
        throw new AssertionError("inserted " + inserted + " books but found " + found);
      }
      st.executeUpdate("DELETE FROM book WHERE id > " + DataSet.BOOKS);
      if (sqlite()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
    inserted = 0;
  }
}
