package dev.kiln.bench.contenders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prepared statements of hand-written JDBC done well: each of a fixed list of SQL texts
 * prepared once per physical connection and reused. They are prepared on the connection behind
 * the pool's handle, because HikariCP closes the statements made through its handle when the
 * connection goes back; the pool lends a connection to one thread at a time, so a connection's
 * statements need no lock.
 */
public final class ConnectionStatements {

  private final String[] sql;
  private final Map<Connection, PreparedStatement[]> statements = new ConcurrentHashMap<>();

  public ConnectionStatements(String... sql) {
    this.sql = sql;
  }

  /** Statement {@code which} (an index into the SQL texts) for the borrowed connection. */
  public PreparedStatement get(Connection borrowed, int which) throws SQLException {
    Connection physical = borrowed.unwrap(Connection.class);
    PreparedStatement[] mine = statements.computeIfAbsent(physical,
        k -> new PreparedStatement[sql.length]);
    PreparedStatement ps = mine[which];
    if (ps == null) {
      ps = physical.prepareStatement(sql[which]);
      mine[which] = ps;
    }
    return ps;
  }

  /** The SQL text of statement {@code which}. */
  public String sql(int which) {
    return sql[which];
  }

  /** Closes every statement; before the pool closes its connections. */
  public void closeAll() {
    for (PreparedStatement[] mine : statements.values()) {
      for (PreparedStatement ps : mine) {
        try {
          if (ps != null) {
            ps.close();
          }
        } catch (SQLException ignored) {
          // closing anyway
        }
      }
    }
    statements.clear();
  }
}
