package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.StatementStats;
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
import dev.kiln.it.chinook.PlaylistTrack_;
import dev.kiln.it.chinook.Playlist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fetch whose parents' keys are a run of integers without gaps asks for its children by range
 * ({@code fk BETWEEN first AND last}), any other set of keys by the keys themselves: both load
 * exactly the children of those parents, compared here with the graphs loaded row by row, for
 * one-to-many and many-to-many relations. A plan is laid out once per shape and shared, so
 * repeating a fetch prepares nothing new, and threads fetching the same shape at once each get
 * their own graphs.
 */
@Tag("engines")
class FetchKeyRangeTest {

  @TempDir static Path dir;
  static Database db;
  static ArtistRepository artists;
  static PlaylistRepository playlists;

  /**
   * Artists and playlists keyed 1 to 60 with no gaps; every fourth artist has no albums and
   * every fifth playlist no tracks, so that runs of keys include parents without children.
   */
  @BeforeAll
  static void fill() {
    db = TestDatabase.open(dir);
    artists = new ArtistRepository(db);
    playlists = new PlaylistRepository(db);
    List<Artist> artistRows = new ArrayList<>();
    List<Album> albumRows = new ArrayList<>();
    List<Track> trackRows = new ArrayList<>();
    for (long a = 1; a <= 60; a++) {
      artistRows.add(new Artist(a, "Artist " + a, null, null));
      for (long n = 0; a % 4 != 0 && n <= a % 3; n++) {
        long album = 1_000 + a * 10 + n;
        albumRows.add(new Album(album, "Album " + album, a, null, null));
        for (long t = 0; t < 2; t++) {
          trackRows.add(new Track(album * 10 + t, "Track", album, 1, null, null, 1_000, null,
              new BigDecimal("0.99"), null, null));
        }
      }
    }
    List<Playlist> playlistRows = new ArrayList<>();
    List<PlaylistTrack> links = new ArrayList<>();
    for (long p = 1; p <= 60; p++) {
      playlistRows.add(new Playlist(p, "Playlist " + p, null));
      for (int k = 0; p % 5 != 0 && k < 3; k++) {
        links.add(new PlaylistTrack(p, trackRows.get((int) (p * 7 + k * 13) % trackRows.size())
            .id()));
      }
    }
    db.transaction(() -> {
      artists.insertAll(artistRows);
      new AlbumRepository(db).insertAll(albumRows);
      new TrackRepository(db).insertAll(trackRows);
      playlists.insertAll(playlistRows);
      new PlaylistTrackRepository(db).insertAll(links);
    });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** Key sets with and without gaps, and the edge cases of a run: one key, the whole table. */
  static List<List<Long>> keySets() {
    return List.of(
        range(5, 24),
        LongStream.rangeClosed(5, 24).filter(k -> k != 13).boxed().toList(),
        List.of(7L),
        List.of(3L, 9L),
        List.of(9L, 8L, 10L, 7L),
        List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 12L),
        range(1, 60),
        range(55, 70));
  }

  @ParameterizedTest(name = "artists {0}")
  @MethodSource("keySets")
  void oneToManyChildrenOfARunOrOfAnyKeys(List<Long> ids) {
    List<Artist> fetched = artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS)).findAllById(ids);
    AlbumRepository albums = new AlbumRepository(db);
    TrackRepository tracks = new TrackRepository(db);
    List<Artist> naive = artists.findAllById(ids).stream()
        .map(a -> new Artist(a.id(), a.name(), albums.query()
            .where(Album_.ARTIST_ID.eq(a.id())).list().stream()
            .map(al -> new Album(al.id(), al.title(), al.artistId(), null,
                tracks.query().where(Track_.ALBUM_ID.eq(al.id())).list()))
            .toList(), null))
        .toList();
    FetchGraphTest.assertSameGraphs(naive, fetched);
    assertTrue(fetched.stream().anyMatch(a -> !a.albums().isEmpty()), "the data has albums");
  }

  @ParameterizedTest(name = "playlists {0}")
  @MethodSource("keySets")
  void manyToManyChildrenOfARunOrOfAnyKeys(List<Long> ids) {
    List<Playlist> fetched = playlists.fetch(Playlist_.TRACKS).findAllById(ids);
    PlaylistTrackRepository links = new PlaylistTrackRepository(db);
    TrackRepository tracks = new TrackRepository(db);
    List<Playlist> naive = playlists.findAllById(ids).stream()
        .map(p -> new Playlist(p.id(), p.name(), links.query()
            .where(PlaylistTrack_.PLAYLIST_ID.eq(p.id())).list().stream()
            .map(link -> tracks.findById(link.trackId()).orElseThrow())
            .sorted(Comparator.comparingLong(Track::id))
            .toList()))
        .toList();
    FetchGraphTest.assertSameGraphs(naive, fetched);
    assertTrue(fetched.stream().anyMatch(p -> !p.tracks().isEmpty()), "the data has tracks");
  }

  @Test
  void aRunAndAnyOtherKeysTakeTwoStatementsThatAreThenReused() {
    var plan = artists.fetch(Artist_.ALBUMS);
    db.readTransaction(() -> {
      // One connection throughout, so that its statement cache is the one counted.
      long before = db.stats().statementsPrepared();
      plan.findAllById(range(1, 10));
      assertEquals(2, db.stats().statementsPrepared() - before, "the roots and the range");
      plan.findAllById(List.of(1L, 3L, 5L));
      assertEquals(3, db.stats().statementsPrepared() - before, "and the keys' statement");
      for (int i = 0; i < 3; i++) {
        plan.findAllById(range(20, 40));
        plan.findAllById(List.of(2L, 4L));
        artists.fetch(Artist_.ALBUMS).findAllById(List.of(6L, 9L));
      }
      assertEquals(3, db.stats().statementsPrepared() - before, "nothing prepared again");
      return null;
    });
  }

  /**
   * Every statement of a fetch counts the rows it read in its figures, as list queries do: the
   * roots, each level's children, whether asked for by range or by keys.
   */
  @ParameterizedTest(name = "artists {0}")
  @MethodSource("keySets")
  void eachStatementOfAFetchCountsTheRowsItRead(List<Long> ids) {
    long before = rowsCounted();
    List<Artist> fetched = artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS)).findAllById(ids);
    long albums = fetched.stream().mapToLong(a -> a.albums().size()).sum();
    long tracks = fetched.stream().flatMap(a -> a.albums().stream())
        .mapToLong(al -> al.tracks().size()).sum();
    assertEquals(fetched.size() + albums + tracks, rowsCounted() - before,
        fetched.size() + " artists, " + albums + " albums, " + tracks + " tracks: "
            + db.stats().statements());
  }

  private static long rowsCounted() {
    return db.stats().statements().stream().mapToLong(StatementStats::rows).sum();
  }

  @Test
  void onePlanServesManyThreadsAtOnce() throws Exception {
    List<List<Long>> sets = keySets();
    List<List<Artist>> expected = sets.stream()
        .map(ids -> artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS)).findAllById(ids))
        .toList();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        runs.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            int which = (i + offset) % sets.size();
            assertEquals(expected.get(which), artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS))
                .findAllById(sets.get(which)), "artists " + sets.get(which));
          }
        }));
      }
      for (Future<?> run : runs) {
        run.get(1, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static List<Long> range(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }
}
