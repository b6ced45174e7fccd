package dev.kiln.migrations;

import java.util.List;

/**
 * What a migration run did.
 *
 * @param applied a description of each migration or schema step applied, in order; empty when
 *     the database was already up to date
 */
public record MigrationResult(List<String> applied) {

  public MigrationResult {
    applied = List.copyOf(applied);
  }

  /** Whether anything was applied. */
  public boolean changed() {
    return !applied.isEmpty();
  }
}
