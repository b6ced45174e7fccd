package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;

/** Chinook's album: many-to-one artist, one-to-many tracks. */
@Table(name = "Album", strict = false)
@Index(columns = "artistId")
public record Album(
    @Id @Column(name = "AlbumId") long id,
    @Column(name = "Title") String title,
    @ForeignKey(Artist.class) @Column(name = "ArtistId") long artistId,
    @Relation(foreignKey = "artistId") Artist artist,
    @Relation(mappedBy = "albumId") List<Track> tracks) {}
