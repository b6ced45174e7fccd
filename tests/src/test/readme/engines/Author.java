package readme.engines;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import org.jspecify.annotations.Nullable;

/** The author the README's engine snippets assume. */
@Table
public record Author(@Id(autoGenerate = true) long id, String name, @Nullable String bio) {}
