package dev.kiln.bench.contenders;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hand-written JDBC's write transaction, as every JDBC contender runs it: a borrowed connection,
 * auto-commit off, committed when the work returns, rolled back if it throws, auto-commit back
 * on before the connection goes back to the pool.
 */
public final class WriteTransactions {

  /** Work that writes on a borrowed connection. */
  @FunctionalInterface
  public interface Writes<T> {
    T run(Connection c) throws SQLException;
  }

  private WriteTransactions() {}

  /** Runs {@code work} in one transaction on a connection of {@code pool}. */
  public static <T> T inWriteTransaction(DataSource pool, Writes<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
