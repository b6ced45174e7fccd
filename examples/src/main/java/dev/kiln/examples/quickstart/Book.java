package dev.kiln.examples.quickstart;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A book by one author, with a price kept exactly, an optimistic-locking version, and its author
 * when a fetch asks for it.
 */
@Table
@Index(columns = "authorId")
public record Book(
    @Id(autoGenerate = true) long id,
    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
    String title,
    BigDecimal price,
    LocalDate published,
    @Version int version,
    @Relation(foreignKey = "authorId") Author author) {

  public Book(long authorId, String title, BigDecimal price, LocalDate published) {
    this(0, authorId, title, price, published, 0, null);
  }

  public Book withPrice(BigDecimal newPrice) {
    return new Book(id, authorId, title, newPrice, published, version, author);
  }
}
