package dev.kiln.internal.postgresql;

import dev.kiln.internal.EngineMaintenance;
import dev.kiln.internal.Lease;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's upkeep from an application's seat: {@code ANALYZE} and {@code VACUUM} (which
 * block neither readers nor writers); checkpoints are the server's own; the check looks for
 * what an application can break — indexes left invalid by a failed
 * {@code CREATE INDEX CONCURRENTLY} — since the server enforces constraints itself.
 */
final class PostgresMaintenance implements EngineMaintenance {

  private final PostgresConnections source;

  PostgresMaintenance(PostgresConnections source) {
    this.source = source;
  }

  @Override
  public void optimize() throws SQLException {
    run("ANALYZE");
  }

  /** The server checkpoints on its own schedule; there is nothing for a client to fold. */
  @Override
  public boolean checkpoint() {
    return true;
  }

  @Override
  public void vacuum() throws SQLException {
    run("VACUUM");
  }

  @Override
  public List<String> integrityCheck() throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Lease primary = source.writer();
        PreparedStatement ps = primary.session().prepareUncached(
            "SELECT c.relname, t.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = current_schema()"
                + " AND NOT (i.indisvalid AND i.indisready)");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        problems.add("index " + rs.getString(1) + " on " + rs.getString(2) + " is invalid:"
            + " drop it and create it again");
      }
    }
    return problems;
  }

  private void run(String sql) throws SQLException {
    try (Lease primary = source.writer()) {
      primary.session().execute(sql);
    }
  }
}
