package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change {@code ALTER TABLE} cannot make (a column's type, {@code NOT NULL} or default, a
 * foreign key, the primary key, a dropped column…), made by SQLite's documented table rebuild
 * (<a href="https://www.sqlite.org/lang_altertable.html#otheralter">steps 4 to 8</a>): create the
 * new table under a temporary name, copy the rows, drop the old table, rename the new one into
 * place and re-create its indexes. The rows keep their keys, so every foreign key that points at
 * them still holds.
 *
 * <p>The other steps of the procedure belong to the migrator: it switches foreign keys off before
 * its transaction (so that dropping the old table neither cascades nor fails) and runs
 * {@code PRAGMA foreign_key_check} before committing.
 *
 * @param from the table as it is
 * @param to the table as it must become
 * @param reasons why it is rebuilt, in words, such as {@code make "title" NOT NULL}
 * @param copy for each column of {@code to} filled from the old table, the SQL expression over the
 *     old table that fills it, in the order of {@code to}'s columns; columns left out get their
 *     default
 */
public record RebuildTable(Table from, Table to, List<String> reasons, Map<String, String> copy)
    implements Change {

  /** The prefix of the temporary name the new table is built under. */
  public static final String NEW_PREFIX = "kiln_new_";

  public RebuildTable {
    reasons = List.copyOf(reasons);
    copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(copy));
  }

  @Override
  public String verb() {
    return "rebuild_table";
  }

  @Override
  public String object() {
    return to.name();
  }

  @Override
  public String description() {
    return "rebuild table " + SqliteDdl.quote(to.name()) + " to " + String.join(", ", reasons);
  }

  @Override
  public List<String> comment() {
    return List.of(description() + ". SQLite's ALTER TABLE cannot do that, so the rows are copied"
        + " into a new table that takes its place"
        + " (https://www.sqlite.org/lang_altertable.html#otheralter), keeping keys, indexes and"
        + " foreign keys.");
  }

  @Override
  public List<String> statements() {
    String table = SqliteDdl.quote(to.name());
    String temporary = SqliteDdl.quote(NEW_PREFIX + to.name());
    List<String> sql = new ArrayList<>();
    sql.add(SqliteDdl.createTable(to, NEW_PREFIX + to.name()));
    if (!copy.isEmpty()) {
      String columns = SqliteDdl.quoteAll(List.copyOf(copy.keySet()));
      String values = String.join(", ", copy.values());
      sql.add("INSERT INTO " + temporary + " (" + columns + ")\nSELECT " + values
          + "\nFROM " + table);
    }
    sql.add("DROP TABLE " + table);
    sql.add("ALTER TABLE " + temporary + " RENAME TO " + table);
    for (Index index : to.indexes()) {
      sql.add(SqliteDdl.createIndex(index));
    }
    return sql;
  }
}
