package dev.kiln.bench.lean;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A writer of the lean data set: integers, short text and a REAL, nothing that needs converting,
 * so that reading values costs little and Kiln's own overhead per row and per call shows.
 */
@Table(name = "lean_writer")
public record Writer(
    @Id long id,
    String name,
    double rating,
    @Relation(mappedBy = "writerId") @Nullable List<Note> notes) {

  /** A writer without its notes. */
  public Writer(long id, String name, double rating) {
    this(id, name, rating, null);
  }

  /** This writer with {@code list} as its notes. */
  public Writer withNotes(List<Note> list) {
    return new Writer(id, name, rating, list);
  }
}
