package dev.kiln.migrations;

import java.util.List;

/**
 * What a migration run did.
 *
 * @param applied a description of each migration or schema step applied, in order, such as
 *     {@code V2__add_column_author_bio}; empty when the database was already up to date
 * @param versions the versions of the migrations applied, in order
 * @param schemaVersion the version the database is at after the run; 0 when it has no migration
 *     history (the schema was created from the compiled-in model)
 */
public record MigrationResult(List<String> applied, List<Integer> versions, int schemaVersion) {

  public MigrationResult {
    applied = List.copyOf(applied);
    versions = List.copyOf(versions);
  }

  /** A run outside migrations: schema steps only. */
  public MigrationResult(List<String> applied) {
    this(applied, List.of(), 0);
  }

  /** Whether anything was applied. */
  public boolean changed() {
    return !applied.isEmpty();
  }
}
