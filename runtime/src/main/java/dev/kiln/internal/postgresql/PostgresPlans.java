package dev.kiln.internal.postgresql;

import dev.kiln.internal.Session;
import dev.kiln.internal.StatementPlan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's generic plan of a statement: the plan for any values of its parameters, which is
 * what a statement shape costs. {@code EXPLAIN (GENERIC_PLAN)} exists from PostgreSQL 16 only,
 * so the statement is prepared under {@code plan_cache_mode = force_generic_plan} and its
 * execution explained with null arguments — on every supported version.
 */
final class PostgresPlans {

  private static final String NAME = "kiln_explain";
  private static final Pattern SEQ_SCAN =
      Pattern.compile("Seq Scan on (\\S+)(?: (\\S+))?");
  private static final Pattern INDEX_SCAN =
      Pattern.compile("Index (?:Only )?Scan (?:Backward )?using (\\S+) on (\\S+)");

  private PostgresPlans() {}

  static StatementPlan of(Session session, String sql) throws SQLException {
    StringBuilder numbered = new StringBuilder(sql.length() + 16);
    int parameters = numbered(sql, numbered);
    session.execute("SET plan_cache_mode = force_generic_plan");
    try {
      session.execute("PREPARE " + NAME + " AS " + numbered);
      try {
        String arguments = parameters == 0 ? ""
            : "(" + String.join(", ", java.util.Collections.nCopies(parameters, "NULL")) + ")";
        return explain(session, "EXPLAIN EXECUTE " + NAME + arguments);
      } finally {
        session.execute("DEALLOCATE " + NAME);
      }
    } finally {
      session.execute("RESET plan_cache_mode");
    }
  }

  private static StatementPlan explain(Session session, String explain) throws SQLException {
    List<String> lines = new ArrayList<>();
    List<String> scans = new ArrayList<>();
    try (PreparedStatement ps = session.prepareUncached(explain);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String line = rs.getString(1);
        lines.add(line);
        String step = line.strip().replaceFirst("^->\\s*", "");
        Matcher seq = SEQ_SCAN.matcher(step);
        Matcher index = INDEX_SCAN.matcher(step);
        if (seq.lookingAt()) {
          scans.add("SCAN " + (seq.group(2) != null ? seq.group(2) : seq.group(1)));
        } else if (index.lookingAt()) {
          scans.add("SEARCH " + index.group(2) + " USING INDEX " + index.group(1));
        }
      }
    }
    return new StatementPlan(lines, scans);
  }

  /**
   * Appends {@code sql} to {@code out} with each {@code ?} outside quotes numbered
   * {@code $1, $2, …}; returns how many there are.
   */
  static int numbered(String sql, StringBuilder out) {
    int n = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        out.append(c);
      } else if (c == '\'' || c == '"') {
        quote = c;
        out.append(c);
      } else if (c == '?') {
        out.append('$').append(++n);
      } else {
        out.append(c);
      }
    }
    return n;
  }
}
