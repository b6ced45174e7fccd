package dev.kiln.bench.lean;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;

/** A comment on a note: three per note, the third level of the lean 1:N:N load. */
@Table(name = "lean_comment")
@Index(columns = "noteId")
public record Comment(@Id long id, @ForeignKey(Note.class) long noteId, String body, int score) {}
