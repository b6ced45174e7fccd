package dev.kiln.migrations.dialect.postgresql;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the live PostgreSQL schema, read from {@code information_schema}, with the compiled-in
 * one: every table and column the application needs, of the type Kiln writes and with its
 * nullability. Each difference comes with the SQL that would fix it. Tables, columns and indexes
 * the application does not know are left alone.
 */
public final class PostgresSchemaCheck {

  private static final String COLUMNS = "SELECT column_name, format_type(a.atttypid, a.atttypmod),"
      + " c.is_nullable = 'NO'"
      + " FROM information_schema.columns c"
      + " JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.'"
      + " || quote_ident(c.table_name))::regclass AND a.attname = c.column_name"
      + " WHERE c.table_schema = current_schema() AND c.table_name = ?";

  private PostgresSchemaCheck() {}

  /** Each difference, with the SQL that would fix it; empty when there is none. */
  public static List<String> differences(Connection connection, Schema expected)
      throws SQLException {
    List<String> differences = new ArrayList<>();
    for (Table table : expected.tables()) {
      Map<String, Live> live = columns(connection, table.name());
      if (live.isEmpty()) {
        differences.add("table " + table.name() + " is missing; fix: "
            + PostgresDdl.createTable(table).replace("\n", " "));
        continue;
      }
      for (Column column : table.columns()) {
        String quoted = "ALTER TABLE \"" + table.name() + "\" ";
        Live found = live.get(column.name());
        String type = PostgresDdl.type(column.logical());
        String bareType = PostgresDdl.bareType(column.logical());
        if (found == null) {
          differences.add("column " + table.name() + "." + column.name() + " is missing; fix: "
              + quoted + "ADD COLUMN " + PostgresDdl.columnDefinition(column, false));
        } else {
          if (!found.type().equals(canonical(bareType))) {
            differences.add("column " + table.name() + "." + column.name() + " is "
                + found.type() + ", not " + bareType + "; fix: " + quoted + "ALTER COLUMN \""
                + column.name() + "\" TYPE " + type + " USING \"" + column.name() + "\"::"
                + bareType);
          }
          if (found.notNull() != column.notNull()) {
            differences.add("column " + table.name() + "." + column.name()
                + (column.notNull() ? " allows NULL" : " is NOT NULL") + "; fix: " + quoted
                + "ALTER COLUMN \"" + column.name() + "\" "
                + (column.notNull() ? "SET NOT NULL" : "DROP NOT NULL"));
          }
        }
      }
    }
    return differences;
  }

  /** A type as {@code format_type} spells it. */
  private static String canonical(String type) {
    return switch (type) {
      case "time" -> "time without time zone";
      case "timestamp" -> "timestamp without time zone";
      case "timestamptz" -> "timestamp with time zone";
      default -> type;
    };
  }

  private record Live(String type, boolean notNull) {}

  private static Map<String, Live> columns(Connection connection, String table)
      throws SQLException {
    Map<String, Live> columns = new HashMap<>();
    try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), new Live(rs.getString(2), rs.getBoolean(3)));
        }
      }
    }
    return columns;
  }
}
