package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** What backups and restores share: reading a copy, read-only, and checking it is sound. */
final class BackupFiles {

  private BackupFiles() {}

  /** Throws unless {@code file} is a SQLite database that passes {@code integrity_check}. */
  static void verify(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    List<String> problems = new ArrayList<>();
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
            config.toProperties());
        Statement st = copy.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      while (rs.next()) {
        if (!"ok".equals(rs.getString(1))) {
          problems.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new KilnException(file + " is not a sound SQLite database: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new KilnException(file + " fails its integrity check: "
          + String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
    }
  }
}
