package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Relation;
import dev.kiln.annotations.Table;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Chinook's playlist: many-to-many tracks through {@link PlaylistTrack}. */
@Table(name = "Playlist", strict = false)
public record Playlist(
    @Id @Column(name = "PlaylistId") long id,
    @Column(name = "Name") @Nullable String name,
    @Relation(through = PlaylistTrack.class) List<Track> tracks) {}
