package dev.kiln.internal;

import dev.kiln.mapping.Conn;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A connection as the engine uses it: a {@link Conn} for generated work, plus transaction control,
 * which each engine spells its own way (SQLite: {@code BEGIN IMMEDIATE}; PostgreSQL: the JDBC
 * auto-commit switch, with the isolation a read snapshot needs).
 */
public interface Session extends Conn {

  @Override
  default ResultSet query(PreparedStatement statement) throws SQLException {
    long start = System.nanoTime();
    ResultSet rs;
    for (int attempt = 1; ; attempt++) {
      try {
        rs = statement.executeQuery();
        break;
      } catch (SQLException e) {
        if (!runsAgain(e, attempt)) {
          failed(statement, e);
          throw e;
        }
      }
    }
    executed(start, statement, 0);
    return rs;
  }

  @Override
  default int update(PreparedStatement statement) throws SQLException {
    long start = System.nanoTime();
    int changed;
    for (int attempt = 1; ; attempt++) {
      try {
        changed = statement.executeUpdate();
        break;
      } catch (SQLException e) {
        if (!runsAgain(e, attempt)) {
          failed(statement, e);
          throw e;
        }
      }
    }
    executed(start, statement, changed);
    return changed;
  }

  /**
   * Whether a statement that failed with {@code cause} on its {@code attempt}-th run (from 1)
   * should run again, its parameters as they were: only where the engine rolled back all it did
   * and running it again is what the application would expect. Batches never run again.
   */
  default boolean runsAgain(SQLException cause, int attempt) {
    return false;
  }

  @Override
  default int[] batch(PreparedStatement statement) throws SQLException {
    long start = System.nanoTime();
    int[] changed;
    try {
      changed = statement.executeBatch();
    } catch (SQLException e) {
      failed(statement, e);
      throw e;
    }
    long rows = 0;
    for (int n : changed) {
      rows += Math.max(n, 0);
    }
    executed(start, statement, rows);
    return changed;
  }

  /**
   * Counts an execution of {@code statement} that began at {@code start} ({@code nanoTime}) and
   * changed {@code rows}.
   */
  void executed(long start, PreparedStatement statement, long rows);

  /** Counts an execution of {@code statement} that failed with {@code cause}. */
  void failed(PreparedStatement statement, SQLException cause);

  /** Runs one statement of set-up, uncounted. */
  void execute(String sql) throws SQLException;

  /** Starts a transaction that may write, or a read-only one that sees one snapshot. */
  void begin(boolean write) throws SQLException;

  void commit() throws SQLException;

  /** Rolls the transaction back; does nothing when the engine already ended it. */
  void rollback() throws SQLException;
}
