package dev.kiln.migrations.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the schema model as SQLite DDL. Every identifier is quoted, so a property named
 * {@code order} or {@code group} needs no special care.
 */
public final class SqliteDdl {

  private SqliteDdl() {}

  /** Quotes an identifier for SQLite: {@code a"b} becomes {@code "a""b"}. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Quotes each identifier and joins them with {@code ", "}. */
  public static String quoteAll(List<String> identifiers) {
    return identifiers.stream().map(SqliteDdl::quote).collect(Collectors.joining(", "));
  }

  /** The statements that create the whole schema on an empty database, tables before indexes. */
  public static List<String> createSchema(Schema schema) {
    List<String> statements = new ArrayList<>();
    for (Table table : schema.tablesInDependencyOrder()) {
      statements.add(createTable(table));
      for (Index index : table.indexes()) {
        statements.add(createIndex(index));
      }
    }
    return statements;
  }

  /** {@code CREATE TABLE}, laid out one column a line so that migration files diff well. */
  public static String createTable(Table table) {
    return createTable(table, table.name());
  }

  /** {@code CREATE TABLE} under another name, as SQLite's table rebuild needs. */
  public static String createTable(Table table, String name) {
    List<String> parts = new ArrayList<>();
    for (Column column : table.columns()) {
      parts.add(columnDefinition(column));
    }
    parts.add("PRIMARY KEY (" + quoteAll(table.primaryKey()) + ")");
    for (ForeignKey fk : table.foreignKeys()) {
      parts.add(foreignKey(fk));
    }
    return "CREATE TABLE " + quote(name) + " (\n  "
        + String.join(",\n  ", parts)
        + "\n)" + (table.strict() ? " STRICT" : "");
  }

  /** One column definition: name, type, {@code NOT NULL} and {@code DEFAULT}. */
  public static String columnDefinition(Column column) {
    StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type());
    if (column.notNull()) {
      sql.append(" NOT NULL");
    }
    if (column.defaultValue() != null) {
      sql.append(" DEFAULT ").append(defaultExpression(column.defaultValue()));
    }
    return sql.toString();
  }

  /**
   * A column default as SQL: SQLite accepts a bare literal ({@code 0}, {@code 'x'},
   * {@code CURRENT_TIMESTAMP}) after {@code DEFAULT}, but any other expression must be
   * parenthesised. The result is also a valid expression anywhere else, such as in
   * {@code COALESCE}.
   */
  public static String defaultExpression(String value) {
    String v = value.trim();
    boolean bare = isConstant(v)
        || v.matches("(?i)CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP")
        || (v.startsWith("(") && v.endsWith(")"));
    return bare ? v : "(" + v + ")";
  }

  /**
   * Whether a default is a constant literal (a number, text, blob, {@code NULL}, {@code TRUE} or
   * {@code FALSE}): the only defaults {@code ALTER TABLE ADD COLUMN} accepts.
   */
  public static boolean isConstant(String value) {
    String v = value.trim();
    return v.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
        || v.matches("'([^']|'')*'")
        || v.matches("(?i)NULL|TRUE|FALSE")
        || v.matches("(?i)X'[0-9a-f]*'");
  }

  /** {@code FOREIGN KEY (…) REFERENCES …}, leaving out the default actions. */
  public static String foreignKey(ForeignKey fk) {
    return "FOREIGN KEY (" + quoteAll(fk.columns()) + ") " + references(fk);
  }

  /** {@code REFERENCES …}: the part of a foreign key that a column definition can carry. */
  public static String references(ForeignKey fk) {
    StringBuilder sql = new StringBuilder("REFERENCES ").append(quote(fk.targetTable()))
        .append(" (").append(quoteAll(fk.targetColumns())).append(')');
    if (!"NO ACTION".equals(fk.onDelete())) {
      sql.append(" ON DELETE ").append(fk.onDelete());
    }
    if (!"NO ACTION".equals(fk.onUpdate())) {
      sql.append(" ON UPDATE ").append(fk.onUpdate());
    }
    return sql.toString();
  }

  /** {@code CREATE [UNIQUE] INDEX … [WHERE …]}. */
  public static String createIndex(Index index) {
    return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name())
        + " ON " + quote(index.table()) + " (" + terms(index) + ")"
        + (index.where() == null ? "" : " WHERE " + index.where());
  }

  /**
   * {@code "a", "b" COLLATE NOCASE DESC, CAST("price" AS REAL)}: each column with what follows
   * it.
   */
  private static String terms(Index index) {
    List<String> terms = new java.util.ArrayList<>();
    for (int i = 0; i < index.columns().size(); i++) {
      String modifier = index.modifiers().get(i);
      String column = quote(index.columns().get(i));
      if (index.numeric(i)) {
        terms.add("CAST(" + column + " AS REAL)" + (index.descending(i) ? " DESC" : ""));
      } else {
        terms.add(column + (modifier.isEmpty() ? "" : " " + modifier));
      }
    }
    return String.join(", ", terms);
  }

  /** {@code DROP INDEX}. */
  public static String dropIndex(Index index) {
    return "DROP INDEX " + quote(index.name());
  }
}
