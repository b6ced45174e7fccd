package dev.kiln.migrations.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQLite's {@code EXPLAIN QUERY PLAN} rows as lines, indented by nesting. */
public final class SqlitePlan {

  private SqlitePlan() {}

  /** The lines of {@code rows}, the result of {@code EXPLAIN QUERY PLAN …}. */
  public static List<String> lines(ResultSet rows) throws SQLException {
    List<String> lines = new ArrayList<>();
    Map<Integer, Integer> depth = new HashMap<>();
    while (rows.next()) {
      int level = depth.getOrDefault(rows.getInt(2), -1) + 1;
      depth.put(rows.getInt(1), level);
      lines.add("  ".repeat(level) + rows.getString(4));
    }
    return lines;
  }
}
