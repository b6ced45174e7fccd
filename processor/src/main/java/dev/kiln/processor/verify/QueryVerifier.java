package dev.kiln.processor.verify;

import dev.kiln.migrations.plan.SqlitePlan;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.schema.SqliteDdl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies statements on a shadow database (an in-memory SQLite inside javac) holding the schema
 * the entities require: SQLite itself says whether the SQL is valid, what columns it returns, how
 * it will run, and which tables it writes.
 */
public final class QueryVerifier implements AutoCloseable {

  /** What preparing a statement told: its result columns (none for a write). */
  public record Prepared(List<String> columns) {}

  private final ShadowDatabase shadow;
  private final Connection connection;
  private final Schema schema;

  private QueryVerifier(ShadowDatabase shadow, Schema schema) {
    this.shadow = shadow;
    this.connection = shadow.connection();
    this.schema = schema;
  }

  /** A verifier over a new shadow database with {@code schema} created in it. */
  public static QueryVerifier of(Schema schema) throws SQLException {
    ShadowDatabase shadow = ShadowDatabase.open();
    try {
      shadow.execute(SqliteDdl.createSchema(schema));
    } catch (SQLException e) {
      shadow.close();
      throw e;
    }
    return new QueryVerifier(shadow, schema);
  }

  public Schema schema() {
    return schema;
  }

  /** Prepares {@code sql}; a {@link SQLException} carries SQLite's own complaint. */
  public Prepared prepare(String sql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      List<String> columns = new ArrayList<>();
      int count;
      ResultSetMetaData meta;
      try {
        meta = ps.getMetaData();
        count = meta.getColumnCount();
      } catch (SQLException noResult) {
        return new Prepared(List.of()); // a statement without result columns: a write
      }
      for (int i = 1; i <= count; i++) {
        columns.add(meta.getColumnLabel(i));
      }
      return new Prepared(columns);
    }
  }

  /** SQLite's {@code EXPLAIN QUERY PLAN} lines, indented by nesting. */
  public List<String> plan(String sql) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql);
        ResultSet rs = ps.executeQuery()) {
      return SqlitePlan.lines(rs);
    }
  }


  /**
   * The tables {@code sql} may change: those its program opens for writing or clears (a
   * {@code DELETE} without {@code WHERE} empties a table with {@code Clear} and never opens it),
   * plus those whose foreign keys cascade from them ({@code ON DELETE CASCADE},
   * {@code SET NULL} …).
   */
  public List<String> writtenTables(String sql) throws SQLException {
    Map<Integer, String> tableOfPage = tableOfPage();
    Set<String> written = new LinkedHashSet<>();
    try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        // OpenWrite names the root page in P2, Clear in P1.
        String opcode = rs.getString(2);
        int rootPage = "OpenWrite".equals(opcode) ? rs.getInt(4)
            : "Clear".equals(opcode) ? rs.getInt(3) : -1;
        if (tableOfPage.containsKey(rootPage)) {
          written.add(tableOfPage.get(rootPage));
        }
      }
    }
    return List.copyOf(schema.affectedBy(written));
  }

  /**
   * The tables {@code sql} reads, as its program opens them ({@code OpenRead} of a table or of
   * one of its indexes): joins, subqueries and the tables under views included. The query cache
   * drops a statement's results when one of them is written.
   */
  public List<String> readTables(String sql) throws SQLException {
    Map<Integer, String> tableOfPage = tableOfPage();
    Set<String> read = new java.util.TreeSet<>();
    try (PreparedStatement ps = connection.prepareStatement("EXPLAIN " + sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        // OpenRead names the root page of the table or index in P2.
        if ("OpenRead".equals(rs.getString(2)) && tableOfPage.containsKey(rs.getInt(4))) {
          read.add(tableOfPage.get(rs.getInt(4)));
        }
      }
    }
    return List.copyOf(read);
  }

  /** The table of each root page: a table's own, or one of its indexes'. */
  private Map<Integer, String> tableOfPage() throws SQLException {
    Map<Integer, String> tableOfPage = new HashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT rootpage, tbl_name FROM sqlite_schema"
            + " WHERE rootpage > 0")) {
      while (rs.next()) {
        tableOfPage.put(rs.getInt(1), rs.getString(2));
      }
    }
    return tableOfPage;
  }

  @Override
  public void close() throws SQLException {
    shadow.close();
  }
}
