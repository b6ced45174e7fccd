package dev.kiln.bench.contenders.mybatis;

import java.math.BigDecimal;

/** {@code book} as MyBatis maps it. */
public class MBook {

  private long id;
  private long authorId;
  private String title;
  private BigDecimal price;
  private int published;

  public MBook() {}

  MBook(long id, long authorId, String title, BigDecimal price, int published) {
    this.id = id;
    this.authorId = authorId;
    this.title = title;
    this.price = price;
    this.published = published;
  }

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public long getAuthorId() {
    return authorId;
  }

  public void setAuthorId(long authorId) {
    this.authorId = authorId;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public int getPublished() {
    return published;
  }

  public void setPublished(int published) {
    this.published = published;
  }
}
