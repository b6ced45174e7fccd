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
 * @param modifiers for each column, what follows it in the index: empty, {@code DESC},
 *     {@code COLLATE NOCASE} or {@code COLLATE NOCASE DESC}; or {@code REAL} or
 *     {@code REAL DESC} for a decimal column indexed by its value as a number
 *     ({@code CAST(column AS REAL)} on SQLite, where decimals are text)
 */
public record Index(String name, String table, List<String> columns, boolean unique, String where,
    List<String> modifiers) {

  /** {@code COLLATE NOCASE}: the column compared with ASCII letters folded, as IgnoreCase does. */
  public static final String NOCASE = "COLLATE NOCASE";

  public Index {
    columns = List.copyOf(columns);
    if (where != null && where.isBlank()) {
      where = null;
    }
    modifiers = modifiers == null || modifiers.isEmpty()
        ? java.util.Collections.nCopies(columns.size(), "") : List.copyOf(modifiers);
  }

  /** An index of the columns as they are: ascending, compared as stored. */
  public Index(String name, String table, List<String> columns, boolean unique, String where) {
    this(name, table, columns, unique, where, null);
  }

  /**
   * The modifier of a decimal column that SQLite indexes as {@code CAST(column AS REAL)}: the
   * expression Kiln's decimal comparisons narrow by, so that an index can serve them.
   */
  public static final String REAL = "REAL";

  /** Whether column {@code i} is a decimal indexed by its value as a number ({@link #REAL}). */
  public boolean numeric(int i) {
    return modifiers.get(i).startsWith(REAL);
  }

  /** Whether column {@code i} is indexed in descending order. */
  public boolean descending(int i) {
    return modifiers.get(i).endsWith("DESC");
  }

  /** Whether column {@code i} is indexed with ASCII letters folded ({@code COLLATE NOCASE}). */
  public boolean foldsCase(int i) {
    return modifiers.get(i).startsWith(NOCASE);
  }

  /** This index on {@code table}, named {@code name}: what a rename keeps of it. */
  public Index renamed(String name, String table) {
    return new Index(name, table, columns, unique, where, modifiers);
  }
}
