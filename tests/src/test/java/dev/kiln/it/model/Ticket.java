package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Version;
import java.util.Objects;

/** A class entity with a text key and an {@code int} version, for optimistic-locking tests. */
@Table(name = "versioned_ticket")
public class Ticket {

  @Id private final String code;
  private final String title;
  @Version private final int revision;

  public Ticket(String code, String title, int revision) {
    this.code = code;
    this.title = title;
    this.revision = revision;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public int getRevision() {
    return revision;
  }

  public Ticket withTitle(String newTitle) {
    return new Ticket(code, newTitle, revision);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ticket t && code.equals(t.code) && title.equals(t.title)
        && revision == t.revision;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, title, revision);
  }

  @Override
  public String toString() {
    return "Ticket[" + code + ", " + title + ", " + revision + "]";
  }
}
