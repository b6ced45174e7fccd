package dev.kiln.mapping;

import dev.kiln.migrations.dialect.SqlDialect;
import java.util.List;

/**
 * The names of one entity, for SQL and for messages that speak the user's language
 * ({@code Author.email}, not {@code author.email}).
 *
 * @param entity the entity's simple name
 * @param table the table name
 * @param columns the column names, in the order statements read them
 * @param properties the property names, parallel to {@code columns}
 * @param keyColumns the primary-key columns in key order
 * @param versionColumn the {@code @Version} column, or null when the entity has none
 * @param updatedAtColumn the {@code @UpdatedAt} column, or null when the entity has none
 * @param softDeleteColumn the {@code @SoftDelete} column, or null when rows are deleted
 * @param softDeleteTime whether that column holds the time of deletion (else a boolean)
 * @param uniqueColumns the NOT NULL columns unique on their own whose stored order is their
 *     values' order: an order by one of them needs no tie-break by key
 */
public record EntityInfo(
    String entity, String table, List<String> columns, List<String> properties,
    List<String> keyColumns, String versionColumn, String updatedAtColumn,
    String softDeleteColumn, boolean softDeleteTime, List<String> uniqueColumns) {

  public EntityInfo {
    columns = List.copyOf(columns);
    properties = List.copyOf(properties);
    keyColumns = List.copyOf(keyColumns);
    uniqueColumns = List.copyOf(uniqueColumns);
  }

  /**
   * Without unique columns: as repositories generated before {@code uniqueColumns} construct it,
   * so that they still run until they are compiled again.
   */
  public EntityInfo(String entity, String table, List<String> columns, List<String> properties,
      List<String> keyColumns, String versionColumn, String updatedAtColumn,
      String softDeleteColumn, boolean softDeleteTime) {
    this(entity, table, columns, properties, keyColumns, versionColumn, updatedAtColumn,
        softDeleteColumn, softDeleteTime, List.of());
  }

  /** An entity without a {@code @Version} property or unique columns. */
  public EntityInfo(String entity, String table, List<String> columns, List<String> properties,
      List<String> keyColumns) {
    this(entity, table, columns, properties, keyColumns, null, null, null, false, List.of());
  }

  /** Whether {@code column} tells every row apart in its own order (see uniqueColumns). */
  public boolean orderedUniquely(String column) {
    for (String unique : uniqueColumns) {
      if (unique.equalsIgnoreCase(column)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The condition a live row meets, with the {@code @SoftDelete} column written as
   * {@code column} gives it (quoted, qualified where the statement needs it); null when rows are
   * deleted.
   */
  public String live(java.util.function.UnaryOperator<String> column) {
    return softDeleteColumn == null ? null
        : SqlDialect.liveRow(column.apply(softDeleteColumn), softDeleteTime);
  }


  /** The property stored in {@code column}, or the column name when none is. */
  public String property(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return properties.get(i);
      }
    }
    return column;
  }
}
