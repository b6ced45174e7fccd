package dev.kiln.internal.sqlite;

import dev.kiln.internal.Session;
import dev.kiln.internal.StatementCache;
import dev.kiln.internal.Telemetry;
import dev.kiln.migrations.schema.DecimalFunctions;
import dev.kiln.migrations.schema.TextFunctions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.jdbc4.JDBC4Connection;

/**
 * A physical sqlite-jdbc connection that carries its own prepared-statement cache.
 *
 * <p>Implementation notes: neither sqlite-jdbc nor HikariCP caches statements (Hikari closes the
 * statements made through its proxy when the connection goes back to the pool), yet preparing is a
 * large share of a point query on SQLite. So the cache belongs to the physical connection — this
 * class — and statements are prepared on it directly, not through the pool's proxy; they live as
 * long as the connection and are closed with it. A connection is used by one thread at a time (the
 * pool or the writer lock guarantees it), so the cache needs no locking.
 */
public final class KilnConnection extends JDBC4Connection implements Session {

  private final Telemetry telemetry;
  private final StatementCache statements;
  /** Whether the database stores text as UTF-8, set once the connection's PRAGMAs are applied. */
  private boolean utf8;

  KilnConnection(String url, String file, Properties properties, Telemetry telemetry,
      int statementCacheSize) throws SQLException {
    super(url, file, properties);
    DecimalFunctions.register(this);
    TextFunctions.register(this);
    this.telemetry = telemetry;
    this.statements = new StatementCache(statementCacheSize);
  }

  /** Whether the database stores text as UTF-8, so that {@link SqliteText} reads its bytes. */
  boolean storesUtf8() {
    return utf8;
  }

  /** Asks the database for its text encoding: fixed for a file once anything is stored. */
  void readEncoding() throws SQLException {
    try (Statement statement = createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA encoding")) {
      utf8 = rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A cached statement's parameters are not cleared: every caller binds all of them anyway, and
   * {@code sqlite3_clear_bindings} marks a statement expired whenever SQLite planned it with a
   * bound value in mind (it does so for {@code LIMIT ?}, which Kiln binds so that all pages of a
   * query share one statement), so that the next step would prepare it all over again: about
   * 4 µs, the very cost this cache exists to save.
   */
  @Override
  public PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement cached = statements.get(sql);
    if (cached != null) {
      telemetry.statementReused();
      return cached;
    }
    PreparedStatement statement = prepareStatement(sql);
    telemetry.statementPrepared();
    statements.put(sql, statement);
    return statement;
  }

  @Override
  public PreparedStatement prepareUncached(String sql) throws SQLException {
    telemetry.statementPrepared();
    PreparedStatement statement = prepareStatement(sql);
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

  @Override
  public void failed(PreparedStatement statement, SQLException cause) {
    telemetry.failed(statements.kept(statement));
  }

  /** A write transaction takes SQLite's write lock at once, so that it never fails half-way. */
  @Override
  public void begin(boolean write) throws SQLException {
    execute(write ? "BEGIN IMMEDIATE" : "BEGIN");
  }

  @Override
  public void commit() throws SQLException {
    execute("COMMIT");
  }

  @Override
  public void rollback() throws SQLException {
    try {
      execute("ROLLBACK");
    } catch (SQLException e) {
      // A failed COMMIT, a full disk or an interrupt can end the transaction themselves; then
      // there is nothing left to roll back and SQLite says so.
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        throw e;
      }
    }
  }

  /** Runs one statement of transaction control or set-up, uncounted. */
  @Override
  public void execute(String sql) throws SQLException {
    try (var statement = createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    statements.closeAll();
    super.close();
  }
}
