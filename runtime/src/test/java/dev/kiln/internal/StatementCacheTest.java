package dev.kiln.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statement cache remembers each kept statement's last row count, and forgets it with it. */
class StatementCacheTest {

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:sqlite::memory:");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void remembersTheLastRunOfEachKeptStatement() throws SQLException {
    StatementCache cache = new StatementCache(4);
    PreparedStatement one = kept(cache, "SELECT 1");
    PreparedStatement two = kept(cache, "SELECT 2");
    assertEquals(-1, cache.lastRows(one), "not run yet");
    StatementCache.rowsRead(cache.kept(one), 100);
    StatementCache.rowsRead(cache.kept(two), 0);
    StatementCache.rowsRead(cache.kept(one), 7);
    assertEquals(7, cache.lastRows(one), "the last run, not the largest");
    assertEquals(0, cache.lastRows(two));
  }

  @Test
  void remembersAtMostAFewThousandRows() throws SQLException {
    StatementCache cache = new StatementCache(4);
    PreparedStatement big = kept(cache, "SELECT 1");
    StatementCache.rowsRead(cache.kept(big), 10_000_000_000L);
    assertEquals(StatementCache.MOST_ROWS, cache.lastRows(big));
  }

  @Test
  void ignoresStatementsItDoesNotKeep() throws SQLException {
    StatementCache cache = new StatementCache(4);
    try (PreparedStatement own = connection.prepareStatement("SELECT 1")) {
      StatementCache.rowsRead(cache.kept(own), 5);
      assertEquals(null, cache.kept(own));
      assertEquals(-1, cache.lastRows(own));
    }
  }

  @Test
  void forgetsAStatementItEvicts() throws SQLException {
    StatementCache cache = new StatementCache(1);
    PreparedStatement first = kept(cache, "SELECT 1");
    StatementCache.rowsRead(cache.kept(first), 5);
    kept(cache, "SELECT 2");
    assertEquals(-1, cache.lastRows(first));
    assertEquals(true, first.isClosed());
  }

  private PreparedStatement kept(StatementCache cache, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    cache.put(sql, statement);
    return statement;
  }
}
