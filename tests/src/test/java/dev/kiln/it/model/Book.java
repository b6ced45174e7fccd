package dev.kiln.it.model;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;
import dev.kiln.annotations.Version;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A versioned record with a foreign key and a decimal price. */
@Table
@Index(columns = "authorId")
public record Book(
    @Id(autoGenerate = true) long id,
    @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
    String title,
    BigDecimal price,
    @Nullable Integer published,
    @Version long version) {}
