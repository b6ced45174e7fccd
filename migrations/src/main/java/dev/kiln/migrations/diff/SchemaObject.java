package dev.kiln.migrations.diff;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A view, trigger or index that a hand-written migration created and the entities do not declare.
 * Kiln never drops one of its own accord, but a table rebuild must drop and re-create them: a
 * trigger or an index goes with its table, and SQLite refuses to rename the rebuilt table into
 * place while a view or another table's trigger names the missing original.
 *
 * @param type {@code view}, {@code trigger} or {@code index}
 * @param name its name
 * @param table the table a trigger or index is on (for a view, the view itself)
 * @param sql the statement that created it, as SQLite keeps it
 */
public record SchemaObject(String type, String name, String table, String sql) {

  /** The views and triggers of {@code connection}'s main schema, in the order they were made. */
  public static List<SchemaObject> read(Connection connection) throws SQLException {
    List<SchemaObject> objects = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_schema"
            + " WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY rowid")) {
      while (rs.next()) {
        objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)));
      }
    }
    return objects;
  }

  /**
   * The indexes of {@code connection}'s main schema that {@code handWritten} accepts by name, in
   * the order they were made; SQLite's own indexes for {@code UNIQUE} and {@code PRIMARY KEY}
   * constraints have no SQL and are never among them.
   */
  public static List<SchemaObject> indexes(Connection connection,
      java.util.function.Predicate<String> handWritten) throws SQLException {
    List<SchemaObject> objects = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_schema"
            + " WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")) {
      while (rs.next()) {
        if (handWritten.test(rs.getString(2))) {
          objects.add(new SchemaObject(rs.getString(1), rs.getString(2), rs.getString(3),
              rs.getString(4)));
        }
      }
    }
    return objects;
  }
}
