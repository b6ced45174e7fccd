package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;

/** A one-to-one companion of an artist, for the inverse one-to-one relation. */
@Table(name = "ArtistProfile", strict = false)
public record ArtistProfile(
    @Id @Column(name = "ArtistProfileId") long id,
    @ForeignKey(Artist.class) @Column(name = "ArtistId", unique = true) long artistId,
    @Column(name = "Biography") String biography) {}
