package dev.kiln.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema of a live SQLite database through its {@code PRAGMA}s, into the same model the
 * processor builds from entities, so that the two can be compared.
 *
 * <p>SQLite's own tables ({@code sqlite_*}) and tables whose names are passed as ignored (Kiln's
 * migration history) are left out. Indexes that SQLite creates for a {@code PRIMARY KEY} are left
 * out; those it creates for a {@code UNIQUE} constraint are kept as unique indexes.
 */
public final class SchemaReader {

  private static final Pattern PARTIAL_WHERE =
      Pattern.compile("(?is)\\)\\s*WHERE\\s+(.*?)\\s*;?\\s*$");

  private SchemaReader() {}

  /** Reads every table of the {@code main} schema except the ignored ones. */
  public static Schema read(Connection connection, String... ignoredTables) throws SQLException {
    List<Table> tables = new ArrayList<>();
    for (Map.Entry<String, Boolean> entry : tableNames(connection).entrySet()) {
      String name = entry.getKey();
      if (name.startsWith("sqlite_") || List.of(ignoredTables).contains(name)) {
        continue;
      }
      tables.add(readTable(connection, name, entry.getValue()));
    }
    return new Schema(tables);
  }

  private static Map<String, Boolean> tableNames(Connection connection) throws SQLException {
    Map<String, Boolean> names = new LinkedHashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(
            "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
                + " ORDER BY name")) {
      while (rs.next()) {
        names.put(rs.getString(1), rs.getBoolean(2));
      }
    }
    return names;
  }

  private static Table readTable(Connection connection, String table, boolean strict)
      throws SQLException {
    List<Column> columns = new ArrayList<>();
    Map<Integer, String> keyParts = new java.util.TreeMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?)"
            + " ORDER BY cid")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getInt(6) != 0) {
            continue; // generated columns are not written by Kiln
          }
          String name = rs.getString(1);
          columns.add(new Column(
              name, SqlType.ofDeclared(rs.getString(2)), rs.getBoolean(3), rs.getString(4)));
          if (rs.getInt(5) > 0) {
            keyParts.put(rs.getInt(5), name);
          }
        }
      }
    }
    return new Table(table, columns, List.copyOf(keyParts.values()), strict,
        readIndexes(connection, table), readForeignKeys(connection, table));
  }

  private static List<Index> readIndexes(Connection connection, String table)
      throws SQLException {
    List<Index> indexes = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT l.name, l.\"unique\", l.origin, l.partial, m.sql FROM pragma_index_list(?) l"
            + " LEFT JOIN sqlite_schema m ON m.type = 'index' AND m.name = l.name")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if ("pk".equals(rs.getString(3))) {
            continue;
          }
          String name = rs.getString(1);
          Terms terms = indexColumns(connection, name, rs.getString(5));
          if (terms == null) {
            continue;
          }
          String where = rs.getBoolean(4) ? partialCondition(rs.getString(5)) : null;
          indexes.add(new Index(name, table, terms.columns(), rs.getBoolean(2), where,
              terms.modifiers()));
        }
      }
    }
    return indexes;
  }

  private static String partialCondition(String createSql) {
    if (createSql == null) {
      return null;
    }
    Matcher m = PARTIAL_WHERE.matcher(createSql);
    return m.find() ? m.group(1) : null;
  }

  /** An index's columns and what follows each: {@code DESC}, {@code COLLATE NOCASE}. */
  private record Terms(List<String> columns, List<String> modifiers) {}

  /**
   * The index's columns, or null when the model cannot describe it: an index on an expression
   * other than a decimal's {@code CAST(column AS REAL)}, or with a collation other than BINARY
   * and NOCASE, can only come from a hand-written migration, and is left out of the model, so that
   * no comparison ever proposes to drop it.
   */
  private static Terms indexColumns(Connection connection, String index, String createSql)
      throws SQLException {
    List<String> written = createSql == null ? List.of() : indexTerms(createSql);
    List<String> columns = new ArrayList<>();
    List<String> modifiers = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT name, cid, \"desc\", coll, seqno FROM pragma_index_xinfo(?) WHERE key"
            + " ORDER BY seqno")) {
      ps.setString(1, index);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean expression = rs.getInt(2) == -2;
          int seqno = rs.getInt(5);
          Matcher real = expression && seqno < written.size()
              ? CAST_AS_REAL.matcher(written.get(seqno)) : null;
          if (real != null && real.matches()) {
            columns.add(real.group(1).replace("\"\"", "\""));
            modifiers.add(Index.REAL + (rs.getBoolean(3) ? " DESC" : ""));
            continue;
          }
          String collation = rs.getString(4);
          boolean nocase = "NOCASE".equalsIgnoreCase(collation);
          if (expression || !(nocase || "BINARY".equalsIgnoreCase(collation))) {
            return null;
          }
          columns.add(rs.getString(1));
          String modifier = (nocase ? Index.NOCASE : "")
              + (rs.getBoolean(3) ? (nocase ? " DESC" : "DESC") : "");
          modifiers.add(modifier);
        }
      }
    }
    return new Terms(columns, modifiers);
  }

  /** {@code CAST("price" AS REAL)}, optionally followed by its order. */
  private static final Pattern CAST_AS_REAL = Pattern.compile(
      "(?is)\\s*CAST\\s*\\(\\s*\"((?:[^\"]|\"\")+)\"\\s+AS\\s+REAL\\s*\\)\\s*(?:ASC|DESC)?\\s*");

  /** The terms of {@code CREATE INDEX … ON t (term, term, …) [WHERE …]}, split at top level. */
  private static List<String> indexTerms(String createSql) {
    int open = createSql.indexOf('(');
    List<String> terms = new ArrayList<>();
    if (open < 0) {
      return terms;
    }
    int depth = 0;
    int start = open + 1;
    char quote = 0;
    for (int i = open + 1; i < createSql.length(); i++) {
      char c = createSql.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        terms.add(createSql.substring(start, i));
        break;
      } else if (c == ',' && depth == 0) {
        terms.add(createSql.substring(start, i));
        start = i + 1;
      }
    }
    return terms;
  }

  private static List<ForeignKey> readForeignKeys(Connection connection, String table)
      throws SQLException {
    Map<Integer, List<String[]>> byId = new java.util.TreeMap<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM"
            + " pragma_foreign_key_list(?) ORDER BY id, seq")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byId.computeIfAbsent(rs.getInt(1), id -> new ArrayList<>()).add(new String[] {
              rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)});
        }
      }
    }
    List<ForeignKey> keys = new ArrayList<>();
    // SQLite lists foreign keys in reverse order of declaration; restore the declared order.
    List<List<String[]>> groups = new ArrayList<>(byId.values());
    java.util.Collections.reverse(groups);
    for (List<String[]> parts : groups) {
      List<String> from = parts.stream().map(p -> p[1]).toList();
      List<String> to = parts.stream().map(p -> p[2]).toList();
      keys.add(new ForeignKey(from, parts.get(0)[0], to, parts.get(0)[4], parts.get(0)[3]));
    }
    return keys;
  }
}
