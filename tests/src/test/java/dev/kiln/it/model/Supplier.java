package dev.kiln.it.model;

import dev.kiln.annotations.Convert;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Transient;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A JavaBean entity: a no-argument constructor, private fields, getters and setters; with a
 * converted set of tags and a transient property.
 */
@Table(name = "class_supplier")
public class Supplier {

  @Id private long id;
  private String name = "";
  @Convert(TagsConverter.class) private Set<String> tags = new TreeSet<>();
  private @Nullable LocalDate since;
  private boolean active;
  @Transient private int visits;

  public Supplier() {}

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  public @Nullable LocalDate getSince() {
    return since;
  }

  public void setSince(@Nullable LocalDate since) {
    this.since = since;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public int getVisits() {
    return visits;
  }

  public void setVisits(int visits) {
    this.visits = visits;
  }

  /** Equal persisted properties; the transient visit count does not count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Supplier s && id == s.id && name.equals(s.name) && tags.equals(s.tags)
        && Objects.equals(since, s.since) && active == s.active;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, tags, since, active);
  }

  @Override
  public String toString() {
    return "Supplier[" + id + ", " + name + ", " + tags + ", " + since + ", " + active + "]";
  }
}
