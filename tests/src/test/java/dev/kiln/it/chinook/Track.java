package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chinook's track: an optional album (a nullable foreign key), and playlists through a junction. */
@Table(name = "Track", strict = false)
@Index(columns = "albumId")
public record Track(
    @Id @Column(name = "TrackId") long id,
    @Column(name = "Name") String name,
    @ForeignKey(Album.class) @Column(name = "AlbumId") @Nullable Long albumId,
    @Column(name = "MediaTypeId") long mediaTypeId,
    @Column(name = "GenreId") @Nullable Long genreId,
    @Column(name = "Composer") @Nullable String composer,
    @Column(name = "Milliseconds") long milliseconds,
    @Column(name = "Bytes") @Nullable Long bytes,
    @Column(name = "UnitPrice") BigDecimal unitPrice,
    @Relation(foreignKey = "albumId") @Nullable Album album,
    @Relation(through = PlaylistTrack.class) List<Playlist> playlists) {}
