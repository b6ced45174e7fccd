package dev.kiln.bench.lean;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A note of the lean data set: ten per writer, found through the index on its writer; three
 * comments each (the third level of 1:N:N) and two tags (many-to-many, through
 * {@link NoteTag}).
 */
@Table(name = "lean_note")
@Index(columns = "writerId")
public record Note(
    @Id long id,
    @ForeignKey(Writer.class) long writerId,
    String title,
    int pages,
    double weight,
    @Relation(mappedBy = "noteId") @Nullable List<Comment> comments,
    @Relation(through = NoteTag.class) @Nullable List<Tag> tags) {

  /** A note without its comments and tags. */
  public Note(long id, long writerId, String title, int pages, double weight) {
    this(id, writerId, title, pages, weight, null, null);
  }

  /** This note with {@code list} as its comments. */
  public Note withComments(List<Comment> list) {
    return new Note(id, writerId, title, pages, weight, list, tags);
  }

  /** This note with {@code list} as its tags. */
  public Note withTags(List<Tag> list) {
    return new Note(id, writerId, title, pages, weight, comments, list);
  }
}
