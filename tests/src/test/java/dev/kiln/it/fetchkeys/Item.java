package dev.kiln.it.fetchkeys;

import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;

/**
 * A text-keyed child of a bin. Its table is a rowid table whose physical order is the order of
 * insertion, not the order of its keys.
 */
@Table(name = "fetch_keys_item")
@Index(columns = "binId")
public record Item(
    @Id String sku,
    @ForeignKey(Bin.class) long binId,
    @Relation(foreignKey = "binId") Bin bin) {}
