package dev.kiln.it.soft;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.SoftDelete;
import dev.kiln.annotations.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A club that is closed rather than deleted: a boolean {@code @SoftDelete}. */
@Table
public record Club(
    @Id(autoGenerate = true) long id,
    String name,
    @SoftDelete boolean closed,
    @Relation(mappedBy = "clubId") @Nullable List<Member> members) {

  public static Club named(String name) {
    return new Club(0, name, false, null);
  }
}
