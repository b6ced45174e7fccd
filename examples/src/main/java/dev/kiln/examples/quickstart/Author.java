package dev.kiln.examples.quickstart;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An author: the key is assigned by SQLite, the email is unique, the bio may be missing. */
@Table
public record Author(
    @Id(autoGenerate = true) long id,
    String name,
    @Column(unique = true) String email,
    Instant joinedAt,
    @Nullable String bio) {

  public Author withBio(String newBio) {
    return new Author(id, name, email, joinedAt, newBio);
  }
}
