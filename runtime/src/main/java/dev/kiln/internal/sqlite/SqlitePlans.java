package dev.kiln.internal.sqlite;

import dev.kiln.internal.Session;
import dev.kiln.internal.StatementPlan;
import dev.kiln.migrations.plan.SqlitePlan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite's {@code EXPLAIN QUERY PLAN} of a statement. Its parameters stay unbound: the plan
 * SQLite chooses does not depend on their values.
 */
final class SqlitePlans {

  private SqlitePlans() {}

  static StatementPlan of(Session session, String sql) throws SQLException {
    try (PreparedStatement ps = session.prepareUncached("EXPLAIN QUERY PLAN " + sql);
        ResultSet rs = ps.executeQuery()) {
      List<String> lines = SqlitePlan.lines(rs);
      return new StatementPlan(lines, lines.stream().map(String::strip).toList());
    }
  }
}
