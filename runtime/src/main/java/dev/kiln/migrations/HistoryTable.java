package dev.kiln.migrations;

import dev.kiln.migrations.script.Migration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table in which the migrator records what it did: one row per version, with the checksum of
 * the file that ran, when, how long it took and whether it succeeded. A failed migration leaves a
 * row with {@code success = 0} (the migration itself is rolled back), which the next successful
 * attempt replaces.
 */
final class HistoryTable {

  static final String NAME = Migrator.HISTORY_TABLE;

  private static final String CREATE = "CREATE TABLE IF NOT EXISTS \"" + NAME + "\" (\n"
      + "  \"version\" INTEGER NOT NULL PRIMARY KEY,\n"
      + "  \"description\" TEXT NOT NULL,\n"
      + "  \"script\" TEXT NOT NULL,\n"
      + "  \"checksum\" TEXT,\n"
      + "  \"applied_at\" TEXT NOT NULL,\n"
      + "  \"duration_ms\" INTEGER NOT NULL,\n"
      + "  \"success\" INTEGER NOT NULL,\n"
      + "  \"kind\" TEXT NOT NULL\n"
      + ") STRICT";

  /** The same table in PostgreSQL's types. */
  private static final String CREATE_POSTGRESQL = "CREATE TABLE IF NOT EXISTS \"" + NAME + "\" (\n"
      + "  \"version\" integer NOT NULL PRIMARY KEY,\n"
      + "  \"description\" text NOT NULL,\n"
      + "  \"script\" text NOT NULL,\n"
      + "  \"checksum\" text,\n"
      + "  \"applied_at\" text NOT NULL,\n"
      + "  \"duration_ms\" bigint NOT NULL,\n"
      + "  \"success\" boolean NOT NULL,\n"
      + "  \"kind\" text NOT NULL\n"
      + ")";

  private static final String COLUMNS = "INTO \"" + NAME + "\" (\"version\","
      + " \"description\", \"script\", \"checksum\", \"applied_at\", \"duration_ms\","
      + " \"success\", \"kind\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String RECORD = "INSERT OR REPLACE " + COLUMNS;

  private static final String RECORD_POSTGRESQL = "INSERT " + COLUMNS + " ON CONFLICT"
      + " (\"version\") DO UPDATE SET \"description\" = excluded.\"description\","
      + " \"script\" = excluded.\"script\", \"checksum\" = excluded.\"checksum\","
      + " \"applied_at\" = excluded.\"applied_at\", \"duration_ms\" = excluded.\"duration_ms\","
      + " \"success\" = excluded.\"success\", \"kind\" = excluded.\"kind\"";

  private static final String BASELINE_SCRIPT = "<baseline>";

  private HistoryTable() {}

  /** Whether {@code connection} is to PostgreSQL, where the table has its own SQL. */
  static boolean postgres(Connection connection) throws SQLException {
    return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
  }

  static boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(postgres(connection)
        ? "SELECT 1 WHERE to_regclass(quote_ident(?)) IS NOT NULL"
        : "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?")) {
      ps.setString(1, NAME);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void create(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(postgres(connection) ? CREATE_POSTGRESQL : CREATE);
    }
  }

  /** Every row, by version; none when the table does not exist. */
  static List<AppliedMigration> read(Connection connection) throws SQLException {
    List<AppliedMigration> rows = new ArrayList<>();
    if (!exists(connection)) {
      return rows;
    }
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT \"version\", \"description\", \"script\","
            + " \"checksum\", \"applied_at\", \"duration_ms\", \"success\", \"kind\" FROM \""
            + NAME + "\" ORDER BY \"version\"")) {
      while (rs.next()) {
        rows.add(new AppliedMigration(rs.getInt(1), rs.getString(2), rs.getString(3),
            rs.getString(4), Instant.parse(rs.getString(5)), rs.getLong(6), rs.getBoolean(7),
            "BASELINE".equals(rs.getString(8))));
      }
    }
    return rows;
  }

  static void recordRun(Connection connection, Migration migration, Instant at,
      long durationMillis, boolean success) throws SQLException {
    record(connection, migration.version(), migration.description(), migration.script(),
        migration.checksum(), at, durationMillis, success, "SQL");
  }

  /**
   * Records a baseline at {@code version} on a database without a migration history; returns
   * the version. Runs under the caller's lock.
   */
  static int baseline(Connection connection, List<Migration> migrations, int version)
      throws SQLException {
    create(connection);
    HistoryCheck history = new HistoryCheck(migrations, read(connection));
    if (!history.isEmpty()) {
      throw new MigrationException("the database already has a migration history (up to V"
          + history.current() + "): a baseline is only for a database that existed before"
          + " Kiln's migrations");
    }
    recordBaseline(connection, version, "baseline", Instant.now());
    return version;
  }

  static void recordBaseline(Connection connection, int version, String description, Instant at)
      throws SQLException {
    record(connection, version, description, BASELINE_SCRIPT, null, at, 0, true, "BASELINE");
  }

  private static void record(Connection connection, int version, String description,
      String script, String checksum, Instant at, long durationMillis, boolean success,
      String kind) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
        postgres(connection) ? RECORD_POSTGRESQL : RECORD)) {
      ps.setInt(1, version);
      ps.setString(2, description);
      ps.setString(3, script);
      ps.setString(4, checksum);
      ps.setString(5, at.toString());
      ps.setLong(6, durationMillis);
      ps.setBoolean(7, success);
      ps.setString(8, kind);
      ps.executeUpdate();
    }
  }
}
