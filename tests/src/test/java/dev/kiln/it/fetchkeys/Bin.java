package dev.kiln.it.fetchkeys;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;

/** A child of a text-keyed shelf, itself keyed by integers anywhere in the range of long. */
@Table(name = "fetch_keys_bin")
@Index(columns = "shelfCode")
public record Bin(
    @Id long id,
    @ForeignKey(Shelf.class) String shelfCode,
    @Relation(foreignKey = "shelfCode") Shelf shelf,
    @Relation(mappedBy = "binId") List<Item> items) {}
