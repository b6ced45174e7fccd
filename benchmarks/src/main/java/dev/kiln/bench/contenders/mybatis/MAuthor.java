package dev.kiln.bench.contenders.mybatis;

import java.time.Instant;
import java.util.List;

/** {@code author} as MyBatis maps it: a bean that a result map fills, books included. */
public class MAuthor {

  private long id;
  private String name;
  private String email;
  private Instant createdAt;
  private List<MBook> books;

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

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public List<MBook> getBooks() {
    return books;
  }

  public void setBooks(List<MBook> books) {
    this.books = books;
  }
}
