package dev.kiln.bench.model;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An author of the benchmark's data set. Kiln's entity, and the row type that the hand-written
 * JDBC, jOOQ and JDBI contenders read into as well, so that they all build the same objects.
 * {@code books} is null unless a query loaded them.
 */
@Table
public record Author(
    @Id(autoGenerate = true) long id,
    String name,
    @Column(unique = true) String email,
    Instant createdAt,
    @Relation(mappedBy = "authorId") @Nullable List<Book> books) {

  /** An author without its books. */
  public Author(long id, String name, String email, Instant createdAt) {
    this(id, name, email, createdAt, null);
  }

  /** This author with {@code list} as its books. */
  public Author withBooks(List<Book> list) {
    return new Author(id, name, email, createdAt, list);
  }
}
