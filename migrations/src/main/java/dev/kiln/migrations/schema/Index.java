package dev.kiln.migrations.schema;

import java.util.List;

/**
 * One index.
 *
 * @param name the index name
 * @param table the indexed table
 * @param columns the indexed column names in index order
 * @param unique whether the index is {@code UNIQUE}
 * @param where the SQL condition of a partial index, or {@code null} for a full index
 */
public record Index(String name, String table, List<String> columns, boolean unique, String where) {

  public Index {
    columns = List.copyOf(columns);
    if (where != null && where.isBlank()) {
      where = null;
    }
  }
}
