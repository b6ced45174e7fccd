package readme.intro;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The README's first snippet: an entity. */
@Table
public record Author(
    @Id(autoGenerate = true) long id,
    String name,
    @Column(unique = true) String email,
    Instant joinedAt,
    @Nullable String bio) {                       // JSpecify's org.jspecify.annotations.Nullable

  Author withBio(String newBio) {                 // a record changes by copy
    return new Author(id, name, email, joinedAt, newBio);
  }
}
