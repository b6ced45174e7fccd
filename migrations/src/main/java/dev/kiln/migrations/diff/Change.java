package dev.kiln.migrations.diff;

import java.util.List;

/**
 * One step of a migration: what it does, in words and in SQL.
 *
 * <p>The step's name is made of a verb such as {@code add_column} and an object such as
 * {@code author_bio}; the migration file is named after its steps
 * ({@code V2__add_column_author_bio.sql}).
 */
public sealed interface Change permits CreateTable, DropTable, AddColumn, RenameTable,
    RenameColumn, RebuildTable, CreateIndex, DropIndex, DropDependents, RecreateDependents,
    Step {

  /** The verb of the step's name, lower_snake, or empty for a step that does not name a file. */
  String verb();

  /** The object of the step's name, lower_snake. */
  String object();

  /** One line for people: what the step changes, such as {@code add column "bio" to "author"}. */
  String description();

  /** Comment lines written above the statements in a migration file (without {@code --}). */
  default List<String> comment() {
    return List.of(description());
  }

  /** The statements, in order, without their terminating semicolons. */
  List<String> statements();
}
