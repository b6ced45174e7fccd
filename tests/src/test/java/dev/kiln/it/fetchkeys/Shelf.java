package dev.kiln.it.fetchkeys;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;

/** A parent keyed by text, for fetch plans over text keys. */
@Table(name = "fetch_keys_shelf")
public record Shelf(
    @Id String code,
    String label,
    @Relation(mappedBy = "shelfCode") List<Bin> bins) {}
