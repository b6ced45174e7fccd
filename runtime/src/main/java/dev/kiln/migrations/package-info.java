/**
 * The migration runner, usable on any {@link javax.sql.DataSource}: {@link
 * dev.kiln.migrations.Migrator} applies the versioned SQL files the processor writes (and
 * hand-written ones), records them with their checksums, and checks the live schema against the
 * one an application was compiled with. Nothing here accepts or returns null unless it says
 * {@code @Nullable}.
 */
@NullMarked
package dev.kiln.migrations;

import org.jspecify.annotations.NullMarked;
