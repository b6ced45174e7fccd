package dev.kiln.bench.contenders;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hand-written JDBC's transactions, as the JDBC contenders run them: a borrowed connection,
 * auto-commit off (and read-only, for a read), committed when the work returns, rolled back if it
 * throws, back to auto-commit before the connection goes back to the pool.
 */
public final class JdbcTransactions {

  /** Work on a borrowed connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private JdbcTransactions() {}

  /** Runs {@code work} in one transaction on a connection of {@code pool}. */
  public static <T> T inWriteTransaction(DataSource pool, Work<T> work) {
    return inTransaction(pool, false, work);
  }

  /**
   * Runs {@code work} in one read-only transaction on a connection of {@code pool}: on
   * PostgreSQL the driver sends {@code BEGIN READ ONLY}, with no statement of its own.
   */
  public static <T> T inReadTransaction(DataSource pool, Work<T> work) {
    return inTransaction(pool, true, work);
  }

  /**
   * Runs {@code work} in one transaction on {@code c}, a connection the caller borrowed and gives
   * back: for contenders that choose their plan once they hold the connection.
   */
  public static <T> T inTransaction(Connection c, boolean readOnly, Work<T> work)
      throws SQLException {
    c.setAutoCommit(false);
    if (readOnly) {
      c.setReadOnly(true);
    }
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      if (readOnly) {
        c.setReadOnly(false);
      }
      c.setAutoCommit(true);
    }
  }

  /** Runs {@code work} in one transaction, read-only or not, on a connection of {@code pool}. */
  public static <T> T inTransaction(DataSource pool, boolean readOnly, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return inTransaction(c, readOnly, work);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
