package dev.kiln.it;

import dev.kiln.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chinook data for a test class: {@link #db} on the engine under test ({@link ChinookData}),
 * and {@link #jdbc}, the original SQLite file, where hand-written SQL computes the answers Kiln's
 * must equal.
 */
abstract class ChinookFixture {

  @TempDir static Path dir;
  static Database db;
  static Connection jdbc;

  @BeforeAll
  static void loadChinook() throws SQLException {
    Path file = ChinookData.create(dir);
    db = ChinookData.open(file, dir);
    jdbc = DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  @AfterAll
  static void closeChinook() throws SQLException {
    jdbc.close();
    db.close();
  }

  /** Every row {@code sql} returns on the original file, each column as SQLite's text. */
  static List<String[]> rows(String sql) {
    try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      List<String[]> rows = new ArrayList<>();
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  /** The first column of every row {@code sql} returns on the original file. */
  static List<Long> keys(String sql) {
    return rows(sql).stream().map(row -> Long.parseLong(row[0])).toList();
  }
}
