package dev.kiln.internal.postgresql;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.internal.Lease;
import dev.kiln.internal.Session;
import dev.kiln.internal.StatementCache;
import dev.kiln.internal.Telemetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A pooled PostgreSQL connection lent for one unit of work.
 *
 * <p>Implementation notes: statements are prepared on the physical connection, not through the
 * pool's handle (which would close them when the connection goes back), and kept in that
 * connection's {@link StatementCache} across leases, as hand-written JDBC done well keeps its
 * own: a {@code PreparedStatement} costs about 800 bytes to make, more than the find it runs.
 * The driver keeps each one's server-side prepared statement ({@code prepareThreshold=1}), so a
 * repeated query is parsed and planned once. Statements for results that outlive the work
 * (streams) are prepared through the handle, which closes them with the lease if their reader
 * did not.
 */
final class PostgresSession implements Session, Lease {

  /**
   * How many times a statement outside a transaction runs before its conflict is reported: as
   * many as the writers it could meet on one row, and more.
   */
  static final int STATEMENT_RUNS = 1_000;

  private final HikariDataSource pool;
  /** The pool's handle, and the driver's connection behind it. */
  private final Connection connection;
  private final Connection physical;
  private final StatementCache statements;
  private final Telemetry telemetry;
  private final PostgresConnections.Replica replica;
  /** Whether a statement found the connection gone. */
  private boolean lost;
  /** Whether a transaction is open: statements outside one each commit on their own. */
  private boolean inTransaction;

  PostgresSession(HikariDataSource pool, Connection connection, Connection physical,
      StatementCache statements, Telemetry telemetry, PostgresConnections.Replica replica) {
    this.pool = pool;
    this.connection = connection;
    this.physical = physical;
    this.statements = statements;
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
    telemetry.statementPrepared();
    PreparedStatement statement = physical.prepareStatement(sql);
    statements.put(sql, statement);
    return statement;
  }

  @Override
  public PreparedStatement prepareUncached(String sql) throws SQLException {
    telemetry.statementPrepared();
    PreparedStatement statement = connection.prepareStatement(sql);
    statements.keepUncached(sql, statement);
    return statement;
  }

  @Override
  public void executed(long start, PreparedStatement statement, long rows) {
    telemetry.executed(start, statements.kept(statement), rows);
  }

  @Override
  public void rowsRead(PreparedStatement statement, long rows) {
    StatementCache.Kept known = statements.kept(statement);
    StatementCache.rowsRead(known, rows);
    telemetry.rowsRead(known, rows);
  }

  @Override
  public int lastRows(PreparedStatement statement) {
    return statements.lastRows(statement);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A statement that lost the connection marks it for eviction: the pool sees only the
   * statements made through its handle, and would lend a dead connection out again.
   */
  @Override
  public void failed(PreparedStatement statement, SQLException cause) {
    telemetry.failed(statements.kept(statement));
    if (PostgresErrors.connectionLost(cause)) {
      lost = true;
    }
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
   * <p>Implementation notes: the isolation is each connection's session default, set once when
   * the pool opens it ({@link PostgresConnections}), and {@code READ ONLY} rides on the
   * {@code BEGIN} the driver sends with the first statement ({@code setReadOnly} costs no round
   * trip in its default {@code readOnlyMode=transaction}); so a transaction costs no statement of
   * its own. A {@code SET TRANSACTION} first did the same at one round trip more: 4–10% of a read
   * of two statements. The session default also covers statements outside transactions, which
   * {@link #runsAgain} keeps from failing where {@code READ COMMITTED} would not.
   */
  @Override
  public void begin(boolean write) throws SQLException {
    connection.setAutoCommit(false);
    inTransaction = true;
    if (!write) {
      connection.setReadOnly(true);
    }
  }

  @Override
  public void commit() throws SQLException {
    try {
      connection.commit();
    } finally {
      end();
    }
  }

  @Override
  public void rollback() throws SQLException {
    try {
      connection.rollback();
    } finally {
      end();
    }
  }

  /** Back to auto-commit, read-write; the pool resets what a lost connection could not. */
  private void end() throws SQLException {
    inTransaction = false;
    try {
      connection.setReadOnly(false);
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A statement outside a transaction runs again when PostgreSQL rolled it back for changing a
   * row that another transaction changed and committed after the statement began ({@code 40001}):
   * at {@code REPEATABLE READ}, the connections' default, that is an error, where
   * {@code READ COMMITTED}, PostgreSQL's own default, would apply the change to the row as the
   * other left it. Run again, the statement reads the rows anew, which is what an application
   * expects of one statement on its own. Each failure means another writer committed, so all
   * make progress; {@link #STATEMENT_RUNS} bounds what one statement waits. Inside a
   * transaction the conflict is the application's to handle, as a
   * {@code TransactionConflictException}.
   */
  @Override
  public boolean runsAgain(SQLException cause, int attempt) {
    return !inTransaction && attempt < STATEMENT_RUNS && "40001".equals(cause.getSQLState());
  }

  /**
   * Gives the connection back, its cached statements kept for the next lease; or, when a
   * statement lost it, has the pool close it and open another.
   */
  @Override
  public void close() throws SQLException {
    if (lost) {
      pool.evictConnection(connection);
    }
    connection.close();
  }
}
