package dev.kiln.migrations.diff;

import java.util.List;

/**
 * Re-creates, in their original order, the views, triggers and indexes {@link DropDependents}
 * dropped.
 */
public record RecreateDependents(List<SchemaObject> objects) implements Change {

  /** How the step's comment starts in a migration file, in this and earlier versions of Kiln. */
  static final String COMMENT_START = "-- re-create the views";

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
    return "re-create the views, triggers and hand-written indexes";
  }

  @Override
  public List<String> statements() {
    return objects.stream().map(SchemaObject::sql).toList();
  }
}
