package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.ForeignKey;
import dev.kiln.migrations.schema.SqliteDdl;
import java.util.List;

/**
 * A new column that {@code ALTER TABLE … ADD COLUMN} can add in place: existing rows get its
 * default.
 *
 * @param table the table
 * @param column the new column
 * @param references the single-column foreign key the column carries, or {@code null}
 */
public record AddColumn(String table, Column column, ForeignKey references) implements Change {

  @Override
  public String verb() {
    return "add_column";
  }

  @Override
  public String object() {
    return table + "_" + column.name();
  }

  @Override
  public String description() {
    return "add column " + SqliteDdl.quote(column.name()) + " to " + SqliteDdl.quote(table);
  }

  @Override
  public List<String> statements() {
    String sql = "ALTER TABLE " + SqliteDdl.quote(table) + " ADD COLUMN "
        + SqliteDdl.columnDefinition(column);
    if (references != null) {
      // A column constraint reads back exactly like the table constraint a rebuild would write.
      sql += " " + SqliteDdl.references(references);
    }
    return List.of(sql);
  }
}
