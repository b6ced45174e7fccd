package dev.kiln.migrations.diff;

import java.util.List;

/** Re-creates, in their original order, the views and triggers {@link DropDependents} dropped. */
public record RecreateDependents(List<SchemaObject> objects) implements Change {

  public RecreateDependents {
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
    return "re-create the views and triggers";
  }

  @Override
  public List<String> statements() {
    return objects.stream().map(SchemaObject::sql).toList();
  }
}
