package dev.kiln.it.model;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A record entity with a generated key, a unique email and a nullable property. */
@Table
@Index(columns = "name")
public record Author(
    @Id(autoGenerate = true) long id,
    String name,
    @Column(unique = true) String email,
    Instant createdAt,
    @Nullable String bio) {

  public Author withName(String newName) {
    return new Author(id, newName, email, createdAt, bio);
  }
}
