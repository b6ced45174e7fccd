package readme.relations;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;

/** The review the README's fetch snippet loads. */
@Table
@Index(columns = "bookId")
public record Review(
    @Id(autoGenerate = true) long id,
    @ForeignKey(Book.class) long bookId,
    int stars) {}
