package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.Table;
import java.util.List;

/** A table that no entity maps any more: dropping it loses its rows. */
public record DropTable(Table table) implements Change {

  @Override
  public String verb() {
    return "drop_table";
  }

  @Override
  public String object() {
    return table.name();
  }

  @Override
  public String description() {
    return "drop table " + SqliteDdl.quote(table.name()) + " with its rows";
  }

  @Override
  public List<String> statements() {
    return List.of("DROP TABLE " + SqliteDdl.quote(table.name()));
  }
}
