package dev.kiln.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Chinook sample database (MIT licence), built into a SQLite file from the script in
 * {@code ../shared/datasets/chinook}: real schema, real data, written by another tool.
 */
final class ChinookData {

  private ChinookData() {}

  /** The script, found from the module or the project root. */
  static Path script() {
    for (String candidate : new String[] {"../../shared/datasets/chinook/Chinook_Sqlite.sql",
        "../shared/datasets/chinook/Chinook_Sqlite.sql"}) {
      Path path = Path.of(candidate).toAbsolutePath().normalize();
      if (Files.exists(path)) {
        return path;
      }
    }
    throw new IllegalStateException("the Chinook script was not found beside the project");
  }

  /** A new Chinook database file in {@code dir}. */
  static Path create(Path dir) {
    Path file = dir.resolve("chinook.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.executeUpdate(Files.readString(script()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load Chinook: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
