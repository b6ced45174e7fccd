package dev.kiln.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Chinook sample database (MIT licence, see {@code chinook/LICENSE.md} in the test
 * resources), built into a SQLite file from its script: real schema, real data, written by
 * another tool.
 */
final class ChinookData {

  private ChinookData() {}

  /** The script, a test resource (a copy of the data set, with its MIT licence beside it). */
  static String script() {
    try (var in = ChinookData.class.getResourceAsStream("/chinook/Chinook_Sqlite.sql")) {
      if (in == null) {
        throw new IllegalStateException("the Chinook script is missing from the test resources");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new Chinook database file in {@code dir}. */
  static Path create(Path dir) {
    Path file = dir.resolve("chinook.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.executeUpdate(script());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load Chinook: " + e.getMessage(), e);
    }
    return file;
  }
}
