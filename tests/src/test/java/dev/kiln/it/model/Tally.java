package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;

/**
 * An entity whose count is not nullable, over a table another tool created where it may be:
 * what Kiln reads when the table and the entity disagree.
 */
@Table(name = "legacy_tally", strict = false)
public record Tally(@Id long id, long visits) {}
