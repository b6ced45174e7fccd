package readme.caching;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;

/** An author, for the README's caching snippets. */
@Table
public record Author(@Id(autoGenerate = true) long id, String name) {}
