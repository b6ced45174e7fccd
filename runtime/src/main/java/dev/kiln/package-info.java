/**
 * Kiln's entry points: {@link dev.kiln.Database}, opened with {@link dev.kiln.DatabaseBuilder},
 * its {@link dev.kiln.Stats}, and the exceptions it throws. Nothing here accepts or returns null
 * unless it says {@code @Nullable}.
 */
@NullMarked
package dev.kiln;

import org.jspecify.annotations.NullMarked;
