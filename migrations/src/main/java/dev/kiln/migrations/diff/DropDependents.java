package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.SqliteDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops the views, triggers and hand-written indexes before a table rebuild; {@link
 * RecreateDependents} restores them.
 */
public record DropDependents(List<SchemaObject> objects) implements Change {

  public DropDependents {
    objects = List.copyOf(objects);
  }

  @Override
  public String verb() {
    return "";
  }

  @Override
  public String object() {
    return "";
  }

  @Override
  public String description() {
    return "drop the views, triggers and hand-written indexes for the rebuild; they are"
        + " re-created at the end";
  }

  @Override
  public List<String> statements() {
    List<String> sql = new ArrayList<>();
    // Newest first, so that a view is dropped before the views it was built on.
    for (int i = objects.size() - 1; i >= 0; i--) {
      SchemaObject o = objects.get(i);
      sql.add("DROP " + o.type().toUpperCase(Locale.ROOT) + " " + SqliteDdl.quote(o.name()));
    }
    return sql;
  }
}
