package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.SqliteDdl;
import java.util.List;

/** A new index, or the new form of a changed one. */
public record CreateIndex(Index index) implements Change {

  @Override
  public String verb() {
    return "create_index";
  }

  @Override
  public String object() {
    return index.name();
  }

  @Override
  public String description() {
    return "create " + (index.unique() ? "unique " : "") + (index.where() != null ? "partial " : "")
        + "index " + SqliteDdl.quote(index.name()) + " on " + SqliteDdl.quote(index.table());
  }

  @Override
  public List<String> statements() {
    return List.of(SqliteDdl.createIndex(index));
  }
}
