package dev.kiln.internal.migrate;

import dev.kiln.migrations.MigrationException;
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
public final class HistoryTable {

  /** The table's name. */
  public static final String NAME = "kiln_schema_history";

  /**
   * The table's columns, in the order of {@link #INSERT}'s parameters: version, description,
   * script, checksum, applied_at (ISO-8601 text), duration_ms, success and kind ({@code SQL} or
   * {@code BASELINE}).
   */
  public static final String INSERT = "INTO \"" + NAME + "\" (\"version\","
      + " \"description\", \"script\", \"checksum\", \"applied_at\", \"duration_ms\","
      + " \"success\", \"kind\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String BASELINE_SCRIPT = "<baseline>";

  private final String create;
  private final String exists;
  private final String record;

  /**
   * The table in one engine's SQL.
   *
   * @param create creates the table when it does not exist
   * @param exists a query with the table's name as its parameter, with a row when it exists
   * @param record inserts or replaces the row of a version: {@link #INSERT} with the engine's
   *     way of replacing
   */
  public HistoryTable(String create, String exists, String record) {
    this.create = create;
    this.exists = exists;
    this.record = record;
  }

  /** Whether the table exists. */
  public boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(exists)) {
      ps.setString(1, NAME);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  void create(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(create);
    }
  }

  /** Every row, by version; none when the table does not exist. */
  public List<AppliedMigration> read(Connection connection) throws SQLException {
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

  public void recordRun(Connection connection, Migration migration, Instant at,
      long durationMillis, boolean success) throws SQLException {
    record(connection, migration.version(), migration.description(), migration.script(),
        migration.checksum(), at, durationMillis, success, "SQL");
  }

  /**
   * Records a baseline at {@code version} on a database without a migration history; returns
   * the version. Runs under the caller's lock.
   */
  int baseline(Connection connection, List<Migration> migrations, int version)
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

  void recordBaseline(Connection connection, int version, String description, Instant at)
      throws SQLException {
    record(connection, version, description, BASELINE_SCRIPT, null, at, 0, true, "BASELINE");
  }

  private void record(Connection connection, int version, String description,
      String script, String checksum, Instant at, long durationMillis, boolean success,
      String kind) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(record)) {
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
