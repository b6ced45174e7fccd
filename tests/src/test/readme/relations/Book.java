package readme.relations;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.util.List;

/** The README's snippet of a foreign key and relations. */
@Table
@Index(columns = "authorId")                      // every fetch of author.books searches it
public record Book(
    @Id(autoGenerate = true) long id,
    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
    String title,
    BigDecimal price,
    @Relation(foreignKey = "authorId") Author author,          // to-one, by this entity's key
    @Relation(mappedBy = "bookId") List<Review> reviews) {}   // to-many, by Review.bookId
