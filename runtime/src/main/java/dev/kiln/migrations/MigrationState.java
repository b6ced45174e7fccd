package dev.kiln.migrations;

/** Where a migration stands in a database, as {@link Migrator#info()} reports it. */
public enum MigrationState {
  /** On the class path, not applied yet. */
  PENDING,
  /** Applied, and the file is unchanged. */
  APPLIED,
  /** The last attempt failed and was rolled back; the next {@code migrate()} tries again. */
  FAILED,
  /** Applied, but the file has changed since: {@code migrate()} refuses to run. */
  CHANGED,
  /** Applied, but no longer on the class path: {@code migrate()} refuses to run. */
  MISSING,
  /** The baseline recorded by {@link Migrator#baseline(int)}. */
  BASELINE,
  /** On the class path at or below the baseline: never applied, by design. */
  BELOW_BASELINE
}
