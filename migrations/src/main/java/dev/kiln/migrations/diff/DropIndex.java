package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.SqliteDdl;
import java.util.List;

/** An index that is gone or changed; an index holds no data of its own. */
public record DropIndex(Index index) implements Change {

  @Override
  public String verb() {
    return "drop_index";
  }

  @Override
  public String object() {
    return index.name();
  }

  @Override
  public String description() {
    return "drop index " + SqliteDdl.quote(index.name()) + " on " + SqliteDdl.quote(index.table());
  }

  @Override
  public List<String> statements() {
    return List.of(SqliteDdl.dropIndex(index));
  }
}
