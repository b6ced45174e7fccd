package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.it.chinook.Album;
import dev.kiln.it.chinook.Album_;
import dev.kiln.it.chinook.Artist;
import dev.kiln.it.chinook.ArtistRepository;
import dev.kiln.it.chinook.Artist_;
import dev.kiln.it.chinook.Customer;
import dev.kiln.it.chinook.CustomerRepository;
import dev.kiln.it.chinook.Customer_;
import dev.kiln.it.chinook.Employee;
import dev.kiln.it.chinook.EmployeeRepository;
import dev.kiln.it.chinook.Employee_;
import dev.kiln.it.chinook.InvoiceLine_;
import dev.kiln.it.chinook.Invoice_;
import dev.kiln.it.chinook.Playlist;
import dev.kiln.it.chinook.PlaylistRepository;
import dev.kiln.it.chinook.Playlist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.Track_;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fetch plans over the real Chinook data: artists → albums → tracks, playlists ↔ tracks,
 * customers → invoices → lines → track, employees → manager and reports. Each graph is checked
 * against counts computed by SQL, and each fetch against its fixed number of statements.
 */
@Tag("engines")
class ChinookTest extends ChinookFixture {

  /** What {@code work} returns, after checking it ran exactly {@code expected} statements. */
  private static <T> T inStatements(long expected, java.util.function.Supplier<T> work) {
    long before = db.stats().statementsExecuted();
    T result = work.get();
    assertEquals(expected, db.stats().statementsExecuted() - before, "statements executed");
    return result;
  }

  /** Counts computed by SQLite itself on the original file. */
  private Map<Long, Long> countBy(String sql) {
    Map<Long, Long> counts = new HashMap<>();
    for (String[] row : rows(sql)) {
      counts.put(Long.parseLong(row[0]), Long.parseLong(row[1]));
    }
    return counts;
  }

  @Test
  void artistsAlbumsTracks() {
    var artists = new ArtistRepository(db);
    List<Artist> graph = inStatements(3,
        () -> artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS)).findAll());
    assertEquals(275, graph.size());
    Map<Long, Long> albumsPerArtist =
        countBy("SELECT ArtistId, count(*) FROM Album GROUP BY ArtistId");
    Map<Long, Long> tracksPerAlbum =
        countBy("SELECT AlbumId, count(*) FROM Track WHERE AlbumId IS NOT NULL GROUP BY AlbumId");
    for (Artist artist : graph) {
      assertEquals(albumsPerArtist.getOrDefault(artist.id(), 0L), artist.albums().size());
      for (Album album : artist.albums()) {
        assertEquals(artist.id(), album.artistId());
        assertEquals(tracksPerAlbum.getOrDefault(album.id(), 0L), album.tracks().size());
        assertNull(album.artist(), "a relation that was not fetched must stay null");
        List<Long> ids = album.tracks().stream().map(Track::id).toList();
        assertEquals(ids.stream().sorted().toList(), ids, "children come in key order");
      }
    }
    assertTrue(graph.stream().anyMatch(a -> a.albums().isEmpty()),
        "Chinook has artists without albums: their list must be empty, not null");
  }

  @Test
  void playlistsAndTracksBothWays() {
    var playlists = new PlaylistRepository(db);
    List<Playlist> graph = inStatements(3,
        () -> playlists.fetch(Playlist_.TRACKS.then(Track_.PLAYLISTS)).findAll());
    Map<Long, Long> perPlaylist =
        countBy("SELECT PlaylistId, count(*) FROM PlaylistTrack GROUP BY PlaylistId");
    Map<Long, Long> perTrack =
        countBy("SELECT TrackId, count(*) FROM PlaylistTrack GROUP BY TrackId");
    for (Playlist playlist : graph) {
      assertEquals(perPlaylist.getOrDefault(playlist.id(), 0L), playlist.tracks().size());
      for (Track track : playlist.tracks()) {
        assertEquals(perTrack.get(track.id()), track.playlists().size());
        assertTrue(track.playlists().stream().anyMatch(p -> p.id() == playlist.id()));
      }
    }
  }

  @Test
  void customersInvoicesLinesTracks() {
    var customers = new CustomerRepository(db);
    List<Customer> graph = inStatements(3, () -> customers.fetch(
        Customer_.SUPPORT_REP,
        Customer_.INVOICES.then(Invoice_.LINES).then(InvoiceLine_.TRACK)).findAll());
    assertEquals(59, graph.size());
    long lines = graph.stream().flatMap(c -> c.invoices().stream())
        .mapToLong(i -> i.lines().size()).sum();
    assertEquals(2240, lines);
    for (Customer customer : graph) {
      assertEquals(customer.supportRepId(),
          customer.supportRep() == null ? null : customer.supportRep().id());
      for (var invoice : customer.invoices()) {
        BigDecimal sum = invoice.lines().stream()
            .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(invoice.total()), "invoice " + invoice.id());
        invoice.lines().forEach(l -> assertEquals(l.trackId(), l.track().id()));
      }
    }
  }

  @Test
  void employeesManagersAndReports() {
    var employees = new EmployeeRepository(db);
    List<Employee> graph = inStatements(2,
        () -> employees.fetch(Employee_.MANAGER, Employee_.REPORTS).findAll());
    Map<Long, Employee> byId = graph.stream()
        .collect(Collectors.toMap(Employee::id, e -> e));
    Employee boss = graph.stream().filter(e -> e.reportsTo() == null).findFirst()
        .orElseThrow();
    assertNull(boss.manager());
    assertEquals("Adams", boss.lastName());
    for (Employee e : graph) {
      if (e.reportsTo() != null) {
        assertEquals(e.reportsTo(), e.manager().id());
        assertTrue(byId.get(e.reportsTo()).reports().stream().anyMatch(r -> r.id() == e.id()));
      }
    }
    assertEquals(7, graph.stream().mapToInt(e -> e.reports().size()).sum());
  }

  @Test
  void queriesCombineFetchWithFilterOrderAndPaging() {
    var artists = new ArtistRepository(db);
    List<Artist> page = artists.query().where(Artist_.NAME.startsWith("A"))
        .orderBy(Artist_.NAME.asc()).limit(5).offset(2).fetch(Artist_.ALBUMS).list();
    List<Artist> plain = artists.query().where(Artist_.NAME.startsWith("A"))
        .orderBy(Artist_.NAME.asc()).limit(5).offset(2).list();
    assertEquals(plain.stream().map(Artist::id).toList(),
        page.stream().map(Artist::id).toList(), "limit and offset count artists, not joined rows");
    var one = artists.fetch(Artist_.ALBUMS).findById(22).orElseThrow();
    assertEquals("Led Zeppelin", one.name());
    assertEquals(14, one.albums().size());
  }
}
