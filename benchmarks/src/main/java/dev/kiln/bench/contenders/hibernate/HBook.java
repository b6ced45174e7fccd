package dev.kiln.bench.contenders.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** {@code book} as a Hibernate entity, owning the association to its author. */
@Entity
@Table(name = "book")
public class HBook {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "author_id")
  private HAuthor author;

  private String title;

  private BigDecimal price;

  private int published;

  protected HBook() {}

  HBook(Long id, HAuthor author, String title, BigDecimal price, int published) {
    this.id = id;
    this.author = author;
    this.title = title;
    this.price = price;
    this.published = published;
  }

  public Long getId() {
    return id;
  }

  public HAuthor getAuthor() {
    return author;
  }

  public String getTitle() {
    return title;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public int getPublished() {
    return published;
  }
}
