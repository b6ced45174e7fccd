package dev.kiln.micrometer;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;

/** A note, for the metrics tests. */
@Table
public record Note(@Id(autoGenerate = true) long id, String body) {}
