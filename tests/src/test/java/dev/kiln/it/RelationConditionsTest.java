package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.it.chinook.Album;
import dev.kiln.it.chinook.AlbumRepository;
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
import dev.kiln.it.chinook.Invoice_;
import dev.kiln.it.chinook.Playlist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Conditions through relations — {@code any}, {@code none}, {@code all}, to-one paths, nested
 * paths, many-to-many, a relation of an entity to itself — on the Chinook data, each checked
 * against the same question asked in hand-written SQL of the original file.
 */
@Tag("engines")
class RelationConditionsTest extends ChinookFixture {

  @Test
  void customersWithAnInvoiceOverASum() {
    List<Long> kiln = ids(new CustomerRepository(db).query()
        .where(Customer_.INVOICES.any(Invoice_.TOTAL.gt(new BigDecimal("18")))).list(),
        Customer::id);
    List<Long> expected = keys("SELECT DISTINCT c.CustomerId FROM Customer c"
        + " JOIN Invoice i ON i.CustomerId = c.CustomerId WHERE i.Total > 18 ORDER BY 1");
    assertFalse(expected.isEmpty());
    assertEquals(expected, kiln);
  }

  @Test
  void artistsWithALongTrackThroughTwoSteps() {
    List<Long> kiln = ids(new ArtistRepository(db).query()
        .where(Artist_.ALBUMS.then(Album_.TRACKS).any(Track_.MILLISECONDS.gt(1_000_000)))
        .list(), Artist::id);
    assertEquals(keys("SELECT DISTINCT ar.ArtistId FROM Artist ar"
        + " JOIN Album al ON al.ArtistId = ar.ArtistId JOIN Track t ON t.AlbumId = al.AlbumId"
        + " WHERE t.Milliseconds > 1000000 ORDER BY 1"), kiln);
  }

  @Test
  void artistsWithoutAlbumsAndAlbumsWhoseTracksAllCostTheSame() {
    List<Long> none = ids(new ArtistRepository(db).query().where(Artist_.ALBUMS.none()).list(),
        Artist::id);
    assertEquals(keys("SELECT ArtistId FROM Artist WHERE ArtistId NOT IN"
        + " (SELECT ArtistId FROM Album) ORDER BY 1"), none);
    assertEquals(71, none.size());

    List<Long> all = ids(new AlbumRepository(db).query()
        .where(Album_.TRACKS.all(Track_.UNIT_PRICE.eq(new BigDecimal("1.99")))).list(),
        Album::id);
    assertEquals(keys("SELECT AlbumId FROM Album a WHERE NOT EXISTS (SELECT 1 FROM Track t"
        + " WHERE t.AlbumId = a.AlbumId AND t.UnitPrice <> 1.99) ORDER BY 1"), all);
    assertTrue(all.size() > 0 && all.size() < 347, all.toString());
  }

  @Test
  void tracksByTheirAlbumsArtistAndByPlaylist() {
    TrackRepository tracks = new TrackRepository(db);
    List<Long> acdc = ids(tracks.query()
        .where(Track_.ALBUM.then(Album_.ARTIST).any(Artist_.NAME.eq("AC/DC"))).list(),
        Track::id);
    assertEquals(keys("SELECT t.TrackId FROM Track t JOIN Album al ON al.AlbumId = t.AlbumId"
        + " JOIN Artist ar ON ar.ArtistId = al.ArtistId WHERE ar.Name = 'AC/DC' ORDER BY 1"),
        acdc);
    assertEquals(18, acdc.size());

    List<Long> grunge = ids(tracks.query()
        .where(Track_.PLAYLISTS.any(Playlist_.NAME.eq("Grunge"))).list(), Track::id);
    assertEquals(keys("SELECT pt.TrackId FROM PlaylistTrack pt JOIN Playlist p"
        + " ON p.PlaylistId = pt.PlaylistId WHERE p.Name = 'Grunge' ORDER BY 1"), grunge);
    assertEquals(15, grunge.size());
  }

  @Test
  void aRelationOfAnEntityToItself() {
    EmployeeRepository employees = new EmployeeRepository(db);
    assertEquals(keys("SELECT DISTINCT ReportsTo FROM Employee WHERE ReportsTo IS NOT NULL"
        + " ORDER BY 1"), ids(employees.query().where(Employee_.REPORTS.any()).list(),
        Employee::id));
    assertEquals(keys("SELECT e.EmployeeId FROM Employee e JOIN Employee m"
        + " ON m.EmployeeId = e.ReportsTo WHERE m.FirstName = 'Nancy' ORDER BY 1"),
        ids(employees.query().where(Employee_.MANAGER.any(Employee_.FIRST_NAME.eq("Nancy")))
            .list(), Employee::id));
    // the employee with no manager has none named Nancy
    assertTrue(ids(employees.query().where(Employee_.MANAGER.none(
        Employee_.FIRST_NAME.eq("Nancy"))).list(), Employee::id).contains(1L));
  }

  @Test
  void combinesWithFetchAndPagingWithoutRepeatingRoots() {
    long before = db.stats().statementsExecuted();
    List<Artist> page = new ArtistRepository(db).query()
        .where(Artist_.ALBUMS.then(Album_.TRACKS).any(Track_.UNIT_PRICE.gt(new BigDecimal("1"))))
        .fetch(Artist_.ALBUMS).limit(3).list();
    assertEquals(2, db.stats().statementsExecuted() - before, "roots, then albums");
    List<Long> expected = keys("SELECT DISTINCT ar.ArtistId FROM Artist ar"
        + " JOIN Album al ON al.ArtistId = ar.ArtistId JOIN Track t ON t.AlbumId = al.AlbumId"
        + " WHERE t.UnitPrice > 1 ORDER BY 1 LIMIT 3");
    assertEquals(expected, ids(page, Artist::id));
    for (Artist artist : page) {
      // every album of the artist, not only those that matched
      assertEquals(count("SELECT count(*) FROM Album WHERE ArtistId = " + artist.id()),
          artist.albums().size());
    }
    assertEquals(expected.size(), new ArtistRepository(db).query()
        .where(Artist_.ALBUMS.then(Album_.TRACKS).any(Track_.UNIT_PRICE.gt(new BigDecimal("1"))))
        .limit(3).count());
  }

  @Test
  void updateAndDeleteTakeTheSameConditions() {
    TrackRepository tracks = new TrackRepository(db);
    List<Track> before = tracks.query()
        .where(Track_.ALBUM.then(Album_.ARTIST).any(Artist_.NAME.eq("AC/DC"))).list();
    RuntimeException rollBack = new IllegalStateException("undo");
    RuntimeException thrown = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> db.transaction(() -> {
          long raised = tracks.query()
              .where(Track_.ALBUM.then(Album_.ARTIST).any(Artist_.NAME.eq("AC/DC")))
              .update(Track_.UNIT_PRICE.multiply(new BigDecimal("1.10")));
          assertEquals(before.size(), raised);
          for (Track track : before) {
            // Chinook's own NUMERIC column keeps the number, not its trailing zeros
            BigDecimal expected = track.unitPrice().multiply(new BigDecimal("1.10"));
            BigDecimal stored = tracks.findById(track.id()).orElseThrow().unitPrice();
            assertEquals(0, expected.compareTo(stored), expected + " vs " + stored);
          }
          // lines of invoices for no track left: none, so nothing to delete
          assertEquals(0, new dev.kiln.it.chinook.InvoiceLineRepository(db).query()
              .where(dev.kiln.it.chinook.InvoiceLine_.TRACK.none()).delete());
          throw rollBack;
        }));
    assertEquals(rollBack, thrown);
    assertEquals(before, tracks.query()
        .where(Track_.ALBUM.then(Album_.ARTIST).any(Artist_.NAME.eq("AC/DC"))).list());
  }

  private static <T> List<Long> ids(List<T> rows, Function<T, Long> id) {
    return rows.stream().map(id).sorted().toList();
  }

  private static long count(String sql) {
    return keys(sql).get(0);
  }
}
