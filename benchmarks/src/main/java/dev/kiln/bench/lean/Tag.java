package dev.kiln.bench.lean;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;

/** One of 100 tags; each note has two. */
@Table(name = "lean_tag")
public record Tag(@Id long id, String name) {}
