package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.SqliteDdl;
import java.util.List;

/**
 * A column renamed with {@code @Column(renamedFrom = …)}: SQLite renames it in place and updates
 * the indexes, foreign keys, views and triggers that mention it.
 */
public record RenameColumn(String table, String from, String to) implements Change {

  @Override
  public String verb() {
    return "rename_column";
  }

  @Override
  public String object() {
    return table + "_" + from + "_to_" + to;
  }

  @Override
  public String description() {
    return "rename column " + SqliteDdl.quote(from) + " of " + SqliteDdl.quote(table) + " to "
        + SqliteDdl.quote(to);
  }

  @Override
  public List<String> statements() {
    return List.of("ALTER TABLE " + SqliteDdl.quote(table) + " RENAME COLUMN "
        + SqliteDdl.quote(from) + " TO " + SqliteDdl.quote(to));
  }
}
