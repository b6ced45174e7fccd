package dev.kiln.internal.migrate;

import dev.kiln.migrations.schema.Schema;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a migration run was asked to do beyond applying the pending migrations.
 *
 * @param lockTimeout how long to wait for another migrator to finish
 * @param expected the schema to check the database against afterwards, or null for no check
 * @param baselineIfSchemaMatches whether a database with tables but no history, whose schema is
 *     exactly the one all migrations produce, is recorded as a baseline instead of refused
 */
public record RunSettings(
    Duration lockTimeout, @Nullable Schema expected, boolean baselineIfSchemaMatches) {

  /** How long a migrator waits for another one unless told otherwise. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

  /**
   * What {@code Database.migrate()} asks for: check the compiled-in schema afterwards, and adopt
   * a database Kiln created before the application had migrations.
   */
  public static RunSettings atStartUp(Schema expected) {
    return new RunSettings(DEFAULT_LOCK_TIMEOUT, expected, true);
  }
}
