package dev.kiln.bench.lean;

import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.bench.contenders.Pool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Hand-written JDBC done well on the lean data set, as {@code JdbcContender}'s WELL style: the
 * same pool as the other contenders, each statement prepared once per physical connection and
 * reused (sqlite-jdbc has no statement cache of its own), columns read by index, and the eager
 * load as two statements in one read transaction — the second keyed by the range of writer keys,
 * the fastest plan there is for it — so that both see one snapshot, as Kiln's do.
 */
public final class JdbcLean implements LeanContender {

  private static final String[] SQL = {
      "SELECT id, name, rating FROM lean_writer WHERE id = ?",
      "SELECT id, name, rating FROM lean_writer WHERE id BETWEEN ? AND ? ORDER BY id",
      "SELECT id, writer_id, title, pages, weight FROM lean_note WHERE writer_id BETWEEN ? AND ?"
          + " ORDER BY writer_id, id"};
  private static final int FIND = 0;
  private static final int WRITERS = 1;
  private static final int NOTES = 2;

  private final HikariDataSource pool;
  /** Each physical connection's statements (the pool lends a connection to one thread). */
  private final Map<Connection, PreparedStatement[]> statements = new ConcurrentHashMap<>();

  public JdbcLean(Path file) {
    this.pool = Pool.open(file, "jdbc-lean");
  }

  @Override
  public Writer find(long id) {
    try (Connection c = pool.getConnection()) {
      PreparedStatement ps = prepare(c, FIND);
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Writer(rs.getLong(1), rs.getString(2), rs.getDouble(3)) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Writer> withNotes(long first, long last) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Writer> writers = new ArrayList<>((int) (last - first + 1));
        {
          PreparedStatement ps = prepare(c, WRITERS);
          ps.setLong(1, first);
          ps.setLong(2, last);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              writers.add(new Writer(rs.getLong(1), rs.getString(2), rs.getDouble(3)));
            }
          }
        }
        List<List<Note>> notes = new ArrayList<>(writers.size());
        for (int i = 0; i < writers.size(); i++) {
          notes.add(new ArrayList<>());
        }
        {
          PreparedStatement ps = prepare(c, NOTES);
          ps.setLong(1, first);
          ps.setLong(2, last);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long writer = rs.getLong(2);
              notes.get((int) (writer - first)).add(new Note(rs.getLong(1), writer,
                  rs.getString(3), rs.getInt(4), rs.getDouble(5)));
            }
          }
        }
        List<Writer> result = new ArrayList<>(writers.size());
        for (int i = 0; i < writers.size(); i++) {
          result.add(writers.get(i).withNotes(notes.get(i)));
        }
        return result;
      } finally {
        c.commit();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private PreparedStatement prepare(Connection c, int which) throws SQLException {
    Connection physical = c.unwrap(SQLiteConnection.class);
    PreparedStatement[] mine = statements.computeIfAbsent(physical,
        k -> new PreparedStatement[SQL.length]);
    if (mine[which] == null) {
      mine[which] = physical.prepareStatement(SQL[which]);
    }
    return mine[which];
  }

  @Override
  public void close() {
    pool.close();
  }
}
