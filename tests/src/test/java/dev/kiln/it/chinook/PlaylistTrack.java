package dev.kiln.it.chinook;

import dev.kiln.annotations.Column;
import dev.kiln.annotations.ForeignKey;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Index;
import dev.kiln.annotations.Table;

/** Chinook's junction of playlists and tracks, with a composite key. */
@Table(name = "PlaylistTrack", strict = false)
@Index(columns = "trackId")
public record PlaylistTrack(
    @Id @ForeignKey(Playlist.class) @Column(name = "PlaylistId") long playlistId,
    @Id @ForeignKey(Track.class) @Column(name = "TrackId") long trackId) {}
