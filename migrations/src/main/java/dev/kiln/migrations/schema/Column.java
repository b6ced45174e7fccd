package dev.kiln.migrations.schema;

/**
 * One column.
 *
 * @param name the column name
 * @param type the declared type
 * @param notNull whether the column is {@code NOT NULL}
 * @param defaultValue the SQL expression of its {@code DEFAULT}, or {@code null} when it has none
 */
public record Column(String name, SqlType type, boolean notNull, String defaultValue) {}
