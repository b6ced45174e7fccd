package dev.kiln.migrations.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One table.
 *
 * @param name the table name
 * @param columns the columns in declaration order
 * @param primaryKey the primary-key column names in key order (never empty for Kiln's tables)
 * @param strict whether the table is a SQLite {@code STRICT} table
 * @param indexes the indexes over this table, sorted by name
 * @param foreignKeys the foreign keys of this table, in declaration order
 */
public record Table(
    String name,
    List<Column> columns,
    List<String> primaryKey,
    boolean strict,
    List<Index> indexes,
    List<ForeignKey> foreignKeys) {

  public Table {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** Returns the column with this name, compared case-insensitively as SQLite does. */
  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Whether the single-column primary key is SQLite's {@code INTEGER PRIMARY KEY}, an alias of the
   * rowid, which SQLite assigns when an insert leaves it out.
   */
  public boolean hasRowidKey() {
    return primaryKey.size() == 1
        && column(primaryKey.get(0)).map(c -> c.type() == SqlType.INTEGER).orElse(false);
  }
}
