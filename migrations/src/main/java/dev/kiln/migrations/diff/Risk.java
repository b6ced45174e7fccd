package dev.kiln.migrations.diff;

/**
 * A step that keeps all data but can fail on a database with rows, such as a new {@code NOT NULL}
 * column without a default: worth a warning when the migration is written.
 *
 * @param table the table
 * @param column the column
 * @param problem what can fail and how to avoid it, in words
 */
public record Risk(String table, String column, String problem) {}
