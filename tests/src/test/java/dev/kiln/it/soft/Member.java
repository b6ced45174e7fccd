package dev.kiln.it.soft;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.SoftDelete;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A member whose deletion is the time it happened: an {@code Instant} {@code @SoftDelete}. */
@Table
@Index(columns = "clubId")
public record Member(
    @Id(autoGenerate = true) long id,
    @ForeignKey(Club.class) long clubId,
    String name,
    @SoftDelete @Nullable Instant deletedAt,
    @Version long version,
    @Relation(foreignKey = "clubId") @Nullable Club club) {

  public static Member of(Club club, String name) {
    return new Member(0, club.id(), name, null, 0, null);
  }
}
