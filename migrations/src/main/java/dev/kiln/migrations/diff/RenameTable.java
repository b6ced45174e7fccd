package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.SqliteDdl;
import java.util.List;

/**
 * A table renamed with {@code @Table(renamedFrom = …)}: SQLite renames it in place, keeping its
 * rows and indexes, and updates the foreign keys, views and triggers that mention it.
 */
public record RenameTable(String from, String to) implements Change {

  @Override
  public String verb() {
    return "rename_table";
  }

  @Override
  public String object() {
    return from + "_to_" + to;
  }

  @Override
  public String description() {
    return "rename table " + SqliteDdl.quote(from) + " to " + SqliteDdl.quote(to);
  }

  @Override
  public List<String> statements() {
    return List.of("ALTER TABLE " + SqliteDdl.quote(from) + " RENAME TO " + SqliteDdl.quote(to));
  }
}
