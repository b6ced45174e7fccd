package dev.kiln.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements of one physical connection by their SQL, and the SQL of each for the
 * statement figures, and how many rows each one's last query returned, so that the next result
 * list starts at that size instead of growing step by step. Beyond its size the least recently
 * used statement is closed.
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

  private final Map<PreparedStatement, String> sqlOf = new IdentityHashMap<>();
  private final Map<PreparedStatement, int[]> lastRows = new IdentityHashMap<>();
  private final Map<String, PreparedStatement> statements;

  public StatementCache(int size) {
    this.statements = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= size) {
          return false;
        }
        sqlOf.remove(eldest.getValue());
        lastRows.remove(eldest.getValue());
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
    sqlOf.put(statement, sql);
  }

  /**
   * How many rows the last query of {@code statement} returned, at most {@link #MOST_ROWS}; -1
   * when it has not returned any yet or is not kept here.
   */
  public int lastRows(PreparedStatement statement) {
    int[] rows = lastRows.get(statement);
    return rows == null ? -1 : rows[0];
  }

  /** Remembers that a query of {@code statement}, kept here, returned {@code rows}. */
  public void rowsRead(PreparedStatement statement, long rows) {
    int[] last = lastRows.get(statement);
    if (last == null) {
      if (!sqlOf.containsKey(statement)) {
        return; // a statement of its own (a stream's), closed after use
      }
      last = new int[1];
      lastRows.put(statement, last);
    }
    last[0] = (int) Math.min(rows, MOST_ROWS);
  }

  /** The SQL of each statement kept, by identity. */
  public Map<PreparedStatement, String> sqlOf() {
    return sqlOf;
  }

  /** Closes every statement kept, and forgets them. */
  public void closeAll() {
    statements.values().forEach(StatementCache::closeQuietly);
    statements.clear();
    sqlOf.clear();
    lastRows.clear();
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException ignored) {
      // the connection is closing or the statement is already gone; nothing is lost
    }
  }
}
