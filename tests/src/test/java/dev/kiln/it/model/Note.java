package dev.kiln.it.model;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;

/** A piece of text, for the text-search tests. */
@Table
@AllowScan("searches scan by nature")
public record Note(@Id long id, String body) {}
