package dev.kiln.internal.migrate;

import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param version the version
 * @param description the description
 * @param script the file name, or {@code <baseline>}
 * @param checksum the checksum of the file when it ran, or null for a baseline
 * @param appliedAt when it ran (or failed)
 * @param durationMillis how long it ran
 * @param success whether it was applied; false when it failed and was rolled back
 * @param baseline whether the row is a baseline rather than a migration that ran
 */
public record AppliedMigration(
    int version, String description, String script, String checksum, Instant appliedAt,
    long durationMillis, boolean success, boolean baseline) {}
