package dev.kiln.migrations.diff;

import java.util.List;

/**
 * A step written for an engine other than SQLite, whose changes need no model of their own: its
 * name's parts, its description and its statements, as the engine's planner made them.
 *
 * @param verb the verb of the step's name, such as {@code alter_table}
 * @param object the object of the step's name
 * @param description what the step changes, in words
 * @param statements the statements, in order
 */
public record Step(String verb, String object, String description, List<String> statements)
    implements Change {

  public Step {
    statements = List.copyOf(statements);
  }
}
