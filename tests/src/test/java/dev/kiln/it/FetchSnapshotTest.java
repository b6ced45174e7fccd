package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.chinook.Album;
import dev.kiln.it.chinook.AlbumRepository;
import dev.kiln.it.chinook.Album_;
import dev.kiln.it.chinook.Artist;
import dev.kiln.it.chinook.ArtistRepository;
import dev.kiln.it.chinook.Artist_;
import dev.kiln.it.chinook.Playlist;
import dev.kiln.it.chinook.PlaylistRepository;
import dev.kiln.it.chinook.PlaylistTrack;
import dev.kiln.it.chinook.PlaylistTrackRepository;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All statements of one fetch read one snapshot of the database: a fetch running while other
 * threads commit never pairs rows of one state with children of another; a fetch inside
 * {@code db.readTransaction} sees that transaction's snapshot; a fetch inside
 * {@code db.transaction} sees the transaction's own uncommitted rows, and nobody else does.
 */
@Tag("engines")
class FetchSnapshotTest {

  @TempDir Path dir;

  private static final dev.kiln.query.Path<Artist, Track> ALBUMS_AND_TRACKS =
      Artist_.ALBUMS.then(Album_.TRACKS);

  /**
   * A writer keeps, in every transaction it commits, each artist's name equal to
   * {@code "albums=<n>"} and each album's title equal to {@code "tracks=<n>"}, while it adds and
   * deletes albums and tracks. Statements reading different states would break that equality
   * between a parent (read by the root statement) and its children (read by later statements).
   */
  @Test
  void aFetchNeverMixesStatesWhileWritersCommit() throws Exception {
    try (Database db = TestDatabase.open(Database.builder(dir.resolve("snapshot.db"))
        .readPoolSize(2))) {
      ArtistRepository artists = new ArtistRepository(db);
      AlbumRepository albums = new AlbumRepository(db);
      TrackRepository tracks = new TrackRepository(db);
      Counters state = new Counters();
      db.transaction(() -> {
        for (long id = 1; id <= 200; id++) {
          artists.insert(new Artist(id, "albums=0", null, null));
          state.albumsOf.put(id, new ArrayList<>());
        }
        Random random = new Random(3);
        for (int i = 0; i < 600; i++) {
          state.addAlbum(albums, artists, 1 + random.nextInt(200));
        }
        for (int i = 0; i < 1_500; i++) {
          state.addTrack(tracks, albums, random);
        }
      });

      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger commits = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        Random random = new Random(11);
        started.countDown();
        while (!stop.get()) {
          db.transaction(() -> {
            switch (random.nextInt(3)) {
              case 0 -> state.addAlbum(albums, artists, 1 + random.nextInt(200));
              case 1 -> state.addTrack(tracks, albums, random);
              default -> state.deleteAlbum(albums, artists, tracks, random);
            }
          });
          commits.incrementAndGet();
        }
      });
      started.await();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
      int fetches = 0;
      try {
        while (System.nanoTime() < end || fetches < 20) {
          for (Artist artist : artists.fetch(ALBUMS_AND_TRACKS).findAll()) {
            assertEquals(artist.name(), "albums=" + artist.albums().size(),
                "artist " + artist.id() + " and its albums were read in different states");
            for (Album album : artist.albums()) {
              assertEquals(album.title(), "tracks=" + album.tracks().size(),
                  "album " + album.id() + " and its tracks were read in different states");
            }
          }
          fetches++;
        }
      } finally {
        stop.set(true);
        writer.get(30, TimeUnit.SECONDS);
      }
      assertTrue(commits.get() > 100, "the writer committed while the fetches ran: " + commits);
    }
  }

  @Test
  void aFetchInAReadTransactionKeepsItsSnapshot() throws Exception {
    try (Database db = TestDatabase.open(dir.resolve("read"))) {
      ArtistRepository artists = new ArtistRepository(db);
      AlbumRepository albums = new AlbumRepository(db);
      artists.insert(new Artist(1, "Ann", null, null));
      albums.insert(new Album(10, "First", 1, null, null));

      List<List<Artist>> seen = db.readTransaction(() -> {
        List<Artist> before = artists.fetch(Artist_.ALBUMS).findAll();
        // Another thread commits a second album while this transaction is open.
        CompletableFuture.runAsync(() -> albums.insert(new Album(11, "Second", 1, null, null)))
            .join();
        return List.of(before, artists.fetch(Artist_.ALBUMS).findAll());
      });
      assertEquals(seen.get(0), seen.get(1), "the second fetch reads the transaction's snapshot");
      assertEquals(1, seen.get(1).get(0).albums().size());
      assertEquals(2, artists.fetch(Artist_.ALBUMS).findAll().get(0).albums().size());
    }
  }

  @Test
  void aFetchInATransactionSeesItsOwnUncommittedRows() throws Exception {
    try (Database db = TestDatabase.open(dir.resolve("own"))) {
      ArtistRepository artists = new ArtistRepository(db);
      AlbumRepository albums = new AlbumRepository(db);
      TrackRepository tracks = new TrackRepository(db);
      PlaylistRepository playlists = new PlaylistRepository(db);
      PlaylistTrackRepository playlistTracks = new PlaylistTrackRepository(db);
      artists.insert(new Artist(1, "Ann", null, null));
      playlists.insert(new Playlist(5, "Mix", null));

      IllegalStateException rollback = assertThrows(IllegalStateException.class,
          () -> db.transaction(() -> {
            albums.insert(new Album(10, "Draft", 1, null, null));
            tracks.insert(new Track(100, "Demo", 10L, 1, null, null, 1_000, null,
                BigDecimal.ONE, null, null));
            playlistTracks.insert(new PlaylistTrack(5, 100));

            Artist mine = artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS)
                .then(Track_.PLAYLISTS)).findById(1).orElseThrow();
            assertEquals(List.of(10L), mine.albums().stream().map(Album::id).toList());
            Track demo = mine.albums().get(0).tracks().get(0);
            assertEquals(100, demo.id());
            assertEquals(List.of(5L), demo.playlists().stream().map(Playlist::id).toList());
            Track joined = tracks.fetch(Track_.ALBUM.then(Album_.ARTIST)).findById(100)
                .orElseThrow();
            assertEquals("Ann", joined.album().artist().name());

            // Another thread does not see them before the commit.
            Artist theirs = CompletableFuture.supplyAsync(() ->
                artists.fetch(Artist_.ALBUMS).findById(1).orElseThrow()).join();
            assertEquals(List.of(), theirs.albums());
            throw new IllegalStateException("roll back");
          }));
      assertEquals("roll back", rollback.getMessage());
      assertEquals(List.of(), artists.fetch(Artist_.ALBUMS).findById(1).orElseThrow().albums());

      db.transaction(() -> {
        albums.insert(new Album(20, "Kept", 1, null, null));
        assertNotEquals(List.of(), artists.fetch(Artist_.ALBUMS).findAll().get(0).albums());
      });
      assertEquals(List.of(20L), artists.fetch(Artist_.ALBUMS).findById(1).orElseThrow()
          .albums().stream().map(Album::id).toList());
    }
  }

  /** What the writer keeps in step with the names and titles it writes. */
  private static final class Counters {
    final Map<Long, List<Long>> albumsOf = new HashMap<>();
    final Map<Long, Long> artistOf = new HashMap<>();
    final Map<Long, Integer> tracksOf = new HashMap<>();
    final Map<Long, List<Long>> trackIdsOf = new HashMap<>();
    long nextAlbum = 1_000;
    long nextTrack = 100_000;

    void addAlbum(AlbumRepository albums, ArtistRepository artists, long artist) {
      long id = nextAlbum++;
      albums.insert(new Album(id, "tracks=0", artist, null, null));
      albumsOf.get(artist).add(id);
      artistOf.put(id, artist);
      tracksOf.put(id, 0);
      trackIdsOf.put(id, new ArrayList<>());
      artists.update(new Artist(artist, "albums=" + albumsOf.get(artist).size(), null, null));
    }

    void addTrack(TrackRepository tracks, AlbumRepository albums, Random random) {
      List<Long> all = new ArrayList<>(artistOf.keySet());
      if (all.isEmpty()) {
        return;
      }
      long album = all.get(random.nextInt(all.size()));
      long id = nextTrack++;
      tracks.insert(new Track(id, "t" + id, album, 1, null, null, 1_000, null, BigDecimal.ONE,
          null, null));
      trackIdsOf.get(album).add(id);
      tracksOf.merge(album, 1, Integer::sum);
      albums.update(new Album(album, "tracks=" + tracksOf.get(album), artistOf.get(album), null,
          null));
    }

    void deleteAlbum(AlbumRepository albums, ArtistRepository artists, TrackRepository tracks,
        Random random) {
      List<Long> all = new ArrayList<>(artistOf.keySet());
      if (all.isEmpty()) {
        return;
      }
      long album = all.get(random.nextInt(all.size()));
      trackIdsOf.remove(album).forEach(tracks::deleteById);
      albums.deleteById(album);
      long artist = artistOf.remove(album);
      tracksOf.remove(album);
      albumsOf.get(artist).remove(Long.valueOf(album));
      artists.update(new Artist(artist, "albums=" + albumsOf.get(artist).size(), null, null));
    }
  }
}
