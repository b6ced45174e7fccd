package dev.kiln.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one physical connection by their SQL; for each, a {@link Kept}
 * record of its SQL, its figures and how many rows its last query returned, so that the next
 * result list starts at that size instead of growing step by step. Beyond its size the least
 * recently used statement is closed.
 *
 * <p>Not thread-safe: a physical connection is lent to one thread at a time, and the pool's
 * hand-over orders one borrower's use before the next one's.
 */
public final class StatementCache {

  /**
   * The largest row count remembered, here and by fetch plans: a list sized for more would
   * reserve much for a query that usually returns few.
   */
  public static final int MOST_ROWS = 4096;

  /**
   * What is known of one kept statement, found by the statement's identity in one lookup: its
   * SQL, the rows its last query returned (-1 before it has returned any), and its figures in the
   * database's {@link Telemetry}, looked up by SQL the first time it is counted.
   */
  public static final class Kept {

    final String sql;
    int lastRows = -1;
    StatementFigures figures;

    /** A statement prepared for {@code sql} outside a cache, to count all the same. */
    public Kept(String sql) {
      this.sql = sql;
    }
  }

  private final Map<PreparedStatement, Kept> kept = new IdentityHashMap<>();
  /**
   * The statements prepared outside the cache that are still open (a stream's, a maintenance
   * statement's), so that they are counted in their statement's figures all the same.
   */
  private final Map<PreparedStatement, Kept> uncached = new IdentityHashMap<>();
  private final Map<String, PreparedStatement> statements;

  public StatementCache(int size) {
    this.statements = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= size) {
          return false;
        }
        kept.remove(eldest.getValue());
        closeQuietly(eldest.getValue());
        return true;
      }
    };
  }

  /** The statement prepared for {@code sql}, or null. */
  public PreparedStatement get(String sql) {
    return statements.get(sql);
  }

  /** Keeps {@code statement}, prepared for {@code sql}. */
  public void put(String sql, PreparedStatement statement) {
    statements.put(sql, statement);
    kept.put(statement, new Kept(sql));
  }

  /**
   * Remembers {@code statement}, prepared for {@code sql} outside the cache, until it is closed:
   * the connection lives as long as the pool keeps it, so those closed since are forgotten here.
   */
  public void keepUncached(String sql, PreparedStatement statement) {
    uncached.keySet().removeIf(StatementCache::isClosed);
    uncached.put(statement, new Kept(sql));
  }

  private static boolean isClosed(PreparedStatement statement) {
    try {
      return statement.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /**
   * What is known of {@code statement}, kept in the cache or prepared outside it
   * ({@link #keepUncached}); null when neither.
   */
  public Kept kept(PreparedStatement statement) {
    Kept known = kept.get(statement);
    return known != null || uncached.isEmpty() ? known : uncached.get(statement);
  }

  /**
   * How many rows the last query of {@code statement} returned, at most {@link #MOST_ROWS}; -1
   * when it has not returned any yet or is not kept here.
   */
  public int lastRows(PreparedStatement statement) {
    Kept known = kept.get(statement);
    return known == null ? -1 : known.lastRows;
  }

  /**
   * Remembers that a query of the statement {@code known} stands for returned {@code rows}; does
   * nothing for null, a statement not kept here (a stream's, closed after use).
   */
  public static void rowsRead(Kept known, long rows) {
    if (known != null) {
      known.lastRows = (int) Math.min(rows, MOST_ROWS);
    }
  }

  /** Closes every statement kept, and forgets them. */
  public void closeAll() {
    statements.values().forEach(StatementCache::closeQuietly);
    statements.clear();
    kept.clear();
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // the connection is closing or the statement is already gone; nothing is lost
    }
  }
}
