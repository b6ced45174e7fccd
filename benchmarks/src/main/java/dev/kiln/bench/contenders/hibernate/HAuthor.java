package dev.kiln.bench.contenders.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** {@code author} as a Hibernate entity; its books are lazy unless a query fetches them. */
@Entity
@Table(name = "author")
public class HAuthor {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  private String email;

  @Column(name = "created_at")
  @Convert(converter = InstantText.class)
  private Instant createdAt;

  @OneToMany(mappedBy = "author")
  @OrderBy("id")
  private List<HBook> books;

  protected HAuthor() {}

  /** A reference to the author with key {@code id}, to set as a book's author without a query. */
  static HAuthor reference(long id) {
    HAuthor author = new HAuthor();
    author.id = id;
    return author;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public List<HBook> getBooks() {
    return books;
  }
}
