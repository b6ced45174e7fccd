package dev.kiln.examples.quickstart;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A book by one author, with a price kept exactly and an optimistic-locking version. */
@Table
@Index(columns = "authorId")
public record Book(
    @Id(autoGenerate = true) long id,
    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
    String title,
    BigDecimal price,
    LocalDate published,
    @Version int version) {

  public Book withPrice(BigDecimal newPrice) {
    return new Book(id, authorId, title, newPrice, published, version);
  }
}
