package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** A new table, with its indexes. */
public record CreateTable(Table table) implements Change {

  @Override
  public String verb() {
    return "create_table";
  }

  @Override
  public String object() {
    return table.name();
  }

  @Override
  public String description() {
    return "create table " + SqliteDdl.quote(table.name());
  }

  @Override
  public List<String> statements() {
    List<String> sql = new ArrayList<>();
    sql.add(SqliteDdl.createTable(table));
    for (Index index : table.indexes()) {
      sql.add(SqliteDdl.createIndex(index));
    }
    return sql;
  }
}
