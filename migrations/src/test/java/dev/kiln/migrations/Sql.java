package dev.kiln.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC for tests: run statements, read single values and columns. */
public final class Sql {

  private Sql() {}

  public static Connection open(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  public static void run(Connection c, String... statements) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  public static long count(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** {@code PRAGMA integrity_check} says ok and {@code foreign_key_check} finds nothing. */
  public static void assertSound(Connection c) throws SQLException {
    List<String> integrity = column(c, "PRAGMA integrity_check");
    if (!integrity.equals(List.of("ok"))) {
      throw new AssertionError("integrity_check: " + integrity);
    }
    List<String> dangling = column(c, "SELECT \"table\" || ' → ' || parent"
        + " FROM pragma_foreign_key_check");
    if (!dangling.isEmpty()) {
      throw new AssertionError("foreign_key_check: " + dangling);
    }
  }
}
