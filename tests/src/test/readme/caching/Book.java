package readme.caching;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;

/** A book, for the README's caching snippets. */
@Table
@Index(columns = "authorId")
@Index(columns = "price")
public record Book(
    @Id(autoGenerate = true) long id,
    @ForeignKey(Author.class) long authorId,
    String title,
    BigDecimal price) {}
