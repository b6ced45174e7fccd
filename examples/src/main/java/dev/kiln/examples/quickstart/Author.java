package dev.kiln.examples.quickstart;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An author: the key is assigned by SQLite, the email is unique, the bio may be missing, and the
 * books are loaded only when a fetch asks for them.
 */
@Table
public record Author(
    @Id(autoGenerate = true) long id,
    String name,
    @Column(unique = true) String email,
    Instant joinedAt,
    @Nullable String bio,
    @Relation(mappedBy = "authorId") List<Book> books) {

  public Author withBio(String newBio) {
    return new Author(id, name, email, joinedAt, newBio, books);
  }
}
