package dev.kiln.bench.lean;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;

/** A note of the lean data set: ten per writer, found through the index on its writer. */
@Table(name = "lean_note")
@Index(columns = "writerId")
public record Note(
    @Id long id,
    @ForeignKey(Writer.class) long writerId,
    String title,
    int pages,
    double weight) {}
