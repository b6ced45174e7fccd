package dev.kiln.internal.sqlite;

import dev.kiln.migrations.MigrationException;

import dev.kiln.migrations.script.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PRAGMA foreign_key_check} around each migration, which runs with foreign keys off (step
 * 10 of SQLite's table rebuild). Only rows that a migration leaves dangling count: a database that
 * already had some (one written without {@code foreign_keys=ON}, say) can still be migrated.
 */
final class ForeignKeyCheck {

  private Map<String, Long> known;

  private ForeignKeyCheck(Map<String, Long> known) {
    this.known = known;
  }

  /** Records the violations present before any migration runs. */
  static ForeignKeyCheck start(Connection connection) throws SQLException {
    return new ForeignKeyCheck(violations(connection));
  }

  /**
   * Fails when {@code migration} added violations; otherwise takes the current state as the new
   * starting point.
   */
  void verify(Connection connection, Migration migration) throws SQLException {
    Map<String, Long> now = violations(connection);
    List<String> added = new ArrayList<>();
    now.forEach((pair, count) -> {
      long before = known.getOrDefault(pair, 0L);
      if (count > before) {
        added.add(pair + " (" + (count - before) + (count - before == 1 ? " row" : " rows") + ")");
      }
    });
    if (!added.isEmpty()) {
      throw new MigrationException(migration.script() + " leaves rows whose foreign key points"
          + " to no row: " + String.join(", ", added) + ". Delete or fix those rows in the"
          + " migration (foreign keys are off while it runs, so ON DELETE actions do not fire)");
    }
    known = now;
  }

  /** "child → parent" → number of rows of child whose key finds no row in parent. */
  private static Map<String, Long> violations(Connection connection) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"table\", parent, count(*)"
            + " FROM pragma_foreign_key_check GROUP BY 1, 2 ORDER BY 1, 2")) {
      while (rs.next()) {
        counts.put(rs.getString(1) + " → " + rs.getString(2), rs.getLong(3));
      }
    }
    return counts;
  }
}
