package dev.kiln.bench.model;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;

/** A book of the benchmark's data set: ten per author, found through the index on its author. */
@Table
@Index(columns = "authorId")
public record Book(
    @Id(autoGenerate = true) long id,
    @ForeignKey(Author.class) long authorId,
    String title,
    BigDecimal price,
    int published) {}
