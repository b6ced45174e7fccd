package dev.kiln.migrations;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One migration as {@link Migrator#info()} sees it: from the class path, the history, or both.
 *
 * @param version the version
 * @param description the description
 * @param script the file name ({@code <baseline>} for a baseline)
 * @param state where it stands
 * @param checksum the checksum recorded when it ran, or else the file's
 * @param appliedAt when it ran (or failed), or null when it has not
 * @param durationMillis how long it ran, or null when it has not
 */
public record MigrationInfo(
    int version, String description, String script, MigrationState state,
    @Nullable String checksum, @Nullable Instant appliedAt, @Nullable Long durationMillis) {}
