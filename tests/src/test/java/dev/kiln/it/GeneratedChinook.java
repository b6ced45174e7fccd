package dev.kiln.it;

import dev.kiln.Database;
import dev.kiln.it.chinook.Album;
import dev.kiln.it.chinook.AlbumRepository;
import dev.kiln.it.chinook.Artist;
import dev.kiln.it.chinook.ArtistProfile;
import dev.kiln.it.chinook.ArtistProfileRepository;
import dev.kiln.it.chinook.ArtistRepository;
import dev.kiln.it.chinook.Customer;
import dev.kiln.it.chinook.CustomerRepository;
import dev.kiln.it.chinook.Employee;
import dev.kiln.it.chinook.EmployeeRepository;
import dev.kiln.it.chinook.Invoice;
import dev.kiln.it.chinook.InvoiceLine;
import dev.kiln.it.chinook.InvoiceLineRepository;
import dev.kiln.it.chinook.InvoiceRepository;
import dev.kiln.it.chinook.Playlist;
import dev.kiln.it.chinook.PlaylistRepository;
import dev.kiln.it.chinook.PlaylistTrack;
import dev.kiln.it.chinook.PlaylistTrackRepository;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Chinook-shaped data made up from a seed, with {@code parents} rows of each root entity
 * (artists, playlists, employees, customers) and children in proportion. It holds every case a
 * fetch must get right, and the first rows of each table always hold a complete chain so that
 * every level of every plan has rows even for ten parents:
 *
 * <ul>
 *   <li>empty collections: artists without albums, albums without tracks, empty playlists,
 *       customers without invoices, invoices without lines, employees without reports;
 *   <li>null foreign keys: tracks without an album, employees without a manager, customers
 *       without a support representative;
 *   <li>artists without a profile (the inverse one-to-one is absent);
 *   <li>shared children: a track in several playlists and on several invoice lines, an employee
 *       who supports several customers;
 *   <li>deep self-references: chains of managers at least four levels deep.
 * </ul>
 *
 * <p>Each table numbers its keys from its own base with random gaps, so that no table's keys
 * coincide with another's: a join on the wrong column finds nothing rather than a lucky match.
 */
final class GeneratedChinook {

  final List<Employee> employees = new ArrayList<>();
  final List<Artist> artists = new ArrayList<>();
  final List<ArtistProfile> profiles = new ArrayList<>();
  final List<Album> albums = new ArrayList<>();
  final List<Track> tracks = new ArrayList<>();
  final List<Playlist> playlists = new ArrayList<>();
  final List<PlaylistTrack> playlistTracks = new ArrayList<>();
  final List<Customer> customers = new ArrayList<>();
  final List<Invoice> invoices = new ArrayList<>();
  final List<InvoiceLine> lines = new ArrayList<>();

  private final Random random;
  private final Map<String, Long> nextKeys = new HashMap<>();

  private GeneratedChinook(long seed) {
    this.random = new Random(seed);
  }

  /** The data for {@code parents} rows of each root entity, the same for the same seed. */
  static GeneratedChinook generate(long seed, int parents) {
    GeneratedChinook data = new GeneratedChinook(seed);
    data.employees(parents);
    data.artists(parents);
    data.playlists(parents);
    data.customers(parents);
    return data;
  }

  /** A new migrated database in {@code dir} holding this data. */
  Database open(Path dir) {
    Database db = TestDatabase.open(dir);
    insertInto(db);
    return db;
  }

  /** Inserts the data with the repositories, parents before children, in one transaction. */
  void insertInto(Database db) {
    db.transaction(() -> {
      new EmployeeRepository(db).insertAll(employees);
      new ArtistRepository(db).insertAll(artists);
      new ArtistProfileRepository(db).insertAll(profiles);
      new AlbumRepository(db).insertAll(albums);
      new TrackRepository(db).insertAll(tracks);
      new PlaylistRepository(db).insertAll(playlists);
      new PlaylistTrackRepository(db).insertAll(playlistTracks);
      new CustomerRepository(db).insertAll(customers);
      new InvoiceRepository(db).insertAll(invoices);
      new InvoiceLineRepository(db).insertAll(lines);
    });
  }

  private void employees(int count) {
    for (int i = 0; i < count; i++) {
      Long manager;
      if (i == 0) {
        manager = null;
      } else if (i <= 3) {
        manager = employees.get(i - 1).id(); // the spine: 0 <- 1 <- 2 <- 3
      } else if (random.nextInt(5) == 0) {
        manager = null;
      } else {
        manager = employees.get(i - 1 - random.nextInt(Math.min(i, 8))).id();
      }
      long id = key("employee", 1);
      employees.add(new Employee(id, "Last" + id, "First" + i,
          random.nextInt(4) == 0 ? null : "Title " + random.nextInt(5), manager,
          random.nextBoolean() ? null : LocalDateTime.of(1950 + random.nextInt(50), 1 + random.nextInt(12),
              1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60)),
          LocalDateTime.of(2000 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28),
              0, 0),
          random.nextInt(3) == 0 ? null : "e" + id + "@example.org", null, null, null));
    }
  }

  private void artists(int count) {
    for (int i = 0; i < count; i++) {
      long artistId = key("artist", 1);
      artists.add(new Artist(artistId, random.nextInt(10) == 0 ? null : "Artist " + artistId,
          null, null));
      if (i == 0 || random.nextInt(5) < 3) {
        profiles.add(new ArtistProfile(key("profile", 500_000), artistId, "Biography of " + i));
      }
      int albumCount = i == 0 ? 2 : random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(3);
      for (int a = 0; a < albumCount; a++) {
        long albumId = key("album", 1_000_000);
        albums.add(new Album(albumId, "Album " + albumId, artistId, null, null));
        int trackCount = i == 0 && a == 0 ? 3 : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(4);
        for (int t = 0; t < trackCount; t++) {
          tracks.add(track(albumId));
        }
      }
      if (random.nextInt(5) == 0) {
        tracks.add(track(null)); // a single without an album
      }
    }
  }

  private Track track(Long albumId) {
    long id = key("track", 3_000_000);
    return new Track(id, "Track " + id, albumId, 1 + random.nextInt(5),
        random.nextInt(6) == 0 ? null : (long) 1 + random.nextInt(25),
        random.nextBoolean() ? null : "Composer " + random.nextInt(100),
        60_000L + random.nextInt(400_000), random.nextInt(8) == 0 ? null : (long) random.nextInt(9_000_000),
        price(), null, null);
  }

  private void playlists(int count) {
    // A few popular tracks land in many playlists, so that playlists share tracks for sure.
    List<Track> popular = tracks.subList(0, Math.min(tracks.size(), 5));
    for (int i = 0; i < count; i++) {
      long id = key("playlist", 7_000_000);
      playlists.add(new Playlist(id, random.nextInt(10) == 0 ? null : "Playlist " + id, null));
      Set<Long> chosen = new LinkedHashSet<>();
      if (i == 0) {
        chosen.add(tracks.get(0).id());
        chosen.add(tracks.get(tracks.size() - 1).id());
      }
      int size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
      for (int t = 0; t < size; t++) {
        List<Track> from = random.nextInt(3) == 0 ? popular : tracks;
        chosen.add(from.get(random.nextInt(from.size())).id());
      }
      // Junction rows out of key order, as a user would add them.
      List<Long> order = new ArrayList<>(chosen);
      Collections.shuffle(order, random);
      order.forEach(trackId -> playlistTracks.add(new PlaylistTrack(id, trackId)));
    }
  }

  private void customers(int count) {
    for (int i = 0; i < count; i++) {
      long id = key("customer", 9_000_000);
      Long rep = i > 0 && random.nextInt(10) < 3 ? null
          : employees.get(random.nextInt(Math.min(employees.size(), 40))).id();
      customers.add(new Customer(id, "First" + i, "Last" + id,
          random.nextBoolean() ? null : "Company " + random.nextInt(50),
          random.nextInt(5) == 0 ? null : "Country " + random.nextInt(20), "c" + id + "@example.org",
          rep, null, null));
      int invoiceCount = i == 0 ? 2 : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
      for (int v = 0; v < invoiceCount; v++) {
        long invoiceId = key("invoice", 12_000_000);
        int lineCount = i == 0 ? 2 : random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(4);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<InvoiceLine> invoiceLines = new ArrayList<>();
        for (int l = 0; l < lineCount; l++) {
          Track track = tracks.get(random.nextInt(tracks.size()));
          int quantity = 1 + random.nextInt(3);
          invoiceLines.add(new InvoiceLine(key("line", 20_000_000), invoiceId, track.id(),
              track.unitPrice(), quantity, null, null));
          total = total.add(track.unitPrice().multiply(BigDecimal.valueOf(quantity)));
        }
        invoices.add(new Invoice(invoiceId, id,
            LocalDateTime.of(2009 + random.nextInt(5), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1000),
            random.nextInt(5) == 0 ? null : "Country " + random.nextInt(20), total, null, null));
        lines.addAll(invoiceLines);
      }
    }
  }

  private BigDecimal price() {
    return BigDecimal.valueOf(49 + random.nextInt(150), 2);
  }

  /** The next key of {@code table}: above the last by one to three, from {@code base}. */
  private long key(String table, long base) {
    long next = nextKeys.getOrDefault(table, base) + 1 + random.nextInt(3);
    nextKeys.put(table, next);
    return next;
  }
}
