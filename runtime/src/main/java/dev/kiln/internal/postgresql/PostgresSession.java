package dev.kiln.internal.postgresql;

import dev.kiln.internal.Lease;
import dev.kiln.internal.Session;
import dev.kiln.internal.Telemetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A pooled PostgreSQL connection lent for one unit of work.
 *
 * <p>Implementation notes: statements are prepared through the pool's handle, which closes them
 * when the connection goes back, and kept for the lease so that a statement run several times in
 * one unit of work (a batch, a fetch plan) is prepared once. Across leases, the driver keeps the
 * server-side prepared statement of each SQL text per physical connection
 * ({@code preparedStatementCacheQueries}), so a repeated query is parsed and planned once on the
 * server.
 */
final class PostgresSession implements Session, Lease {

  private final Connection connection;
  private final Telemetry telemetry;
  private final PostgresConnections.Replica replica;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private Map<PreparedStatement, String> sqlOf;

  PostgresSession(Connection connection, Telemetry telemetry,
      PostgresConnections.Replica replica) {
    this.connection = connection;
    this.telemetry = telemetry;
    this.replica = replica;
  }

  /** The read replica this connection is to, or null for the primary. */
  PostgresConnections.Replica replica() {
    return replica;
  }

  @Override
  public Session session() {
    return this;
  }

  /** The pooled JDBC connection, for work outside Kiln's statements (the migrator). */
  Connection jdbc() {
    return connection;
  }

  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement cached = statements.get(sql);
    if (cached != null) {
      telemetry.statementReused();
      return cached;
    }
    PreparedStatement statement = prepareUncached(sql);
    statements.put(sql, statement);
    return statement;
  }

  @Override
  public PreparedStatement prepareUncached(String sql) throws SQLException {
    telemetry.statementPrepared();
    PreparedStatement statement = connection.prepareStatement(sql);
    if (sqlOf == null) {
      sqlOf = new HashMap<>();
    }
    sqlOf.put(statement, sql);
    return statement;
  }


  @Override
  public void executed(long start, PreparedStatement statement, long rows) {
    telemetry.executed(start, statement, sqlOf, rows);
  }

  @Override
  public void rowsRead(PreparedStatement statement, long rows) {
    telemetry.rowsRead(statement, sqlOf, rows);
  }

  @Override
  public void failed(PreparedStatement statement) {
    telemetry.failed(statement, sqlOf);
  }

  @Override
  public void execute(String sql) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * A transaction runs {@code REPEATABLE READ} (a read transaction also {@code READ ONLY}): every
   * statement in it sees the snapshot of its first, and no update is lost. When two transactions
   * change the same row, the second one PostgreSQL rolls back with {@code 40001}, reported as a
   * {@code TransactionConflictException} that says it can run again. {@code SERIALIZABLE} would
   * also rule out write skew, but it fails transactions that touch neighbouring index pages as if
   * they conflicted (eight concurrent writers inserting one author each did), which an application
   * moved over from SQLite, where writers take turns, would not expect.
   *
   * <p>Implementation notes: the driver sends {@code BEGIN} with the first statement of the
   * transaction, and here that is {@code SET TRANSACTION}, so the isolation costs one round trip
   * and nothing outlives the transaction. {@code Connection.setTransactionIsolation} would cost
   * two, a {@code SET SESSION CHARACTERISTICS} before and one after, to restore it.
   */
  @Override
  public void begin(boolean write) throws SQLException {
    connection.setAutoCommit(false);
    execute(write ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"
        : "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  }

  @Override
  public void commit() throws SQLException {
    try {
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  @Override
  public void rollback() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Gives the connection back; the pool closes the statements prepared on it. */
  @Override
  public void close() throws SQLException {
    statements.clear();
    connection.close();
  }
}
