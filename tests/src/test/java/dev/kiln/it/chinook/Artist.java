package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chinook's artist: one-to-many albums, and a one-to-one profile (not in Chinook). */
@Table(name = "Artist", strict = false)
public record Artist(
    @Id @Column(name = "ArtistId") long id,
    @Column(name = "Name") @Nullable String name,
    @Relation(mappedBy = "artistId") List<Album> albums,
    @Relation(mappedBy = "artistId") @Nullable ArtistProfile profile) {}
