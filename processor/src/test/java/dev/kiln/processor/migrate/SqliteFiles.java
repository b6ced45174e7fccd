package dev.kiln.processor.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC on the database file a migration test evolves, to write rows and read them back. */
final class SqliteFiles {

  private SqliteFiles() {}

  static Connection open(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db);
  }

  /** Runs {@code statements} on {@code db} with foreign keys enforced, as an application would. */
  static void execute(Path db, String... statements) throws SQLException {
    try (Connection c = open(db); Statement st = c.createStatement()) {
      st.execute("PRAGMA foreign_keys = ON");
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  /** The rows of {@code sql}, each as its columns joined by {@code |}. */
  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
