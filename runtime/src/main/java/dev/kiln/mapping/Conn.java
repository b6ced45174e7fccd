package dev.kiln.mapping;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The connection a unit of generated work runs on. Statements come from a cache that lives as long
 * as the physical connection, and every execution is counted in {@code Database.stats()}.
 *
 * <p>A statement returned by {@link #prepare} belongs to the cache: do not close it, and close
 * every {@link ResultSet} before the work returns (try-with-resources), which also resets the
 * statement so that it holds no read snapshot.
 */
public interface Conn {

  /**
   * A cached prepared statement for {@code sql}. It may still hold the values of its last use:
   * bind every parameter before executing it.
   */
  PreparedStatement prepare(String sql) throws SQLException;

  /** A statement outside the cache, for a result that outlives the work (a stream); close it. */
  PreparedStatement prepareUncached(String sql) throws SQLException;

  /** Runs a query and counts it. */
  ResultSet query(PreparedStatement statement) throws SQLException;

  /** Runs an update and counts it; returns the number of rows changed. */
  int update(PreparedStatement statement) throws SQLException;

  /** Runs the batch added to {@code statement} and counts it once. */
  int[] batch(PreparedStatement statement) throws SQLException;

  /** Counts the {@code rows} a query of {@code statement} returned, once they are read. */
  default void rowsRead(PreparedStatement statement, long rows) {}

  /**
   * How many rows the last query of {@code statement} returned ({@link #rowsRead}), to size the
   * next result; -1 when unknown.
   */
  default int lastRows(PreparedStatement statement) {
    return -1;
  }
}
