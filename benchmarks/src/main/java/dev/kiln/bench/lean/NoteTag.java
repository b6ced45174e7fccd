package dev.kiln.bench.lean;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;

/** The junction of notes and tags. */
@Table(name = "lean_note_tag")
@Index(columns = "tagId")
public record NoteTag(
    @Id @ForeignKey(Note.class) long noteId,
    @Id @ForeignKey(Tag.class) long tagId) {}
