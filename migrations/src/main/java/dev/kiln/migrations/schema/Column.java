package dev.kiln.migrations.schema;

/**
 * One column.
 *
 * @param name the column name
 * @param type the declared SQLite type
 * @param notNull whether the column is {@code NOT NULL}
 * @param defaultValue the SQL expression of its {@code DEFAULT}, or {@code null} when it has none
 * @param logical what it holds, from which other engines' types are chosen
 */
public record Column(
    String name, SqlType type, boolean notNull, String defaultValue, LogicalType logical) {

  /** A column whose logical type is the one its SQLite type suggests. */
  public Column(String name, SqlType type, boolean notNull, String defaultValue) {
    this(name, type, notNull, defaultValue, LogicalType.of(type));
  }
}
