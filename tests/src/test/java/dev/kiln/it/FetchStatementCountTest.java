package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
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
import dev.kiln.it.chinook.InvoiceLine;
import dev.kiln.it.chinook.InvoiceLineRepository;
import dev.kiln.it.chinook.InvoiceLine_;
import dev.kiln.it.chinook.Invoice_;
import dev.kiln.it.chinook.Playlist;
import dev.kiln.it.chinook.PlaylistRepository;
import dev.kiln.it.chinook.Playlist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The number of statements a fetch runs is fixed by its plan and never moves with the number of
 * rows: one for the roots, with every to-one relation joined into its parent's statement, plus
 * one per to-many relation (one-to-many or many-to-many) on the plan's paths. Checked, with
 * {@code db.stats().statementsExecuted()}, for every kind of relation, for nested plans three
 * levels deep and for sibling paths, over generated databases with 10, 1,000 and 10,000 rows of
 * each root entity; and checked that a fetch returns each root exactly once, so that sibling
 * paths and joins never multiply rows.
 */
@Tag("engines")
class FetchStatementCountTest {

  static final int[] SIZES = {10, 1_000, 10_000};

  @TempDir static Path dir;
  static final Map<Integer, Database> databases = new HashMap<>();

  @BeforeAll
  static void generate() {
    for (int size : SIZES) {
      databases.put(size, GeneratedChinook.generate(size, size).open(dir.resolve("n" + size)));
    }
  }

  @AfterAll
  static void close() {
    databases.values().forEach(Database::close);
  }

  /** The repositories of one database. */
  record Chinook(ArtistRepository artists, AlbumRepository albums, TrackRepository tracks,
      PlaylistRepository playlists, EmployeeRepository employees, CustomerRepository customers,
      InvoiceLineRepository lines) {
    static Chinook of(Database db) {
      return new Chinook(new ArtistRepository(db), new AlbumRepository(db), new TrackRepository(db),
          new PlaylistRepository(db), new EmployeeRepository(db), new CustomerRepository(db),
          new InvoiceLineRepository(db));
    }
  }

  /**
   * A fetch, the statements it must take, and the plain read of the same roots it must agree
   * with.
   */
  record Case<E>(String name, long statements, Function<Chinook, List<E>> fetch,
      Function<Chinook, List<E>> plain, Function<E, Long> key) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> plans() {
    List<Case<?>> cases = List.of(
        // to-one, owning side: joined
        new Case<Album>("Album.artist", 1, c -> c.albums().fetch(Album_.ARTIST).findAll(),
            c -> c.albums().findAll(), Album::id),
        // to-one, inverse side (Artist.profile is mapped by ArtistProfile.artistId): joined
        new Case<Artist>("Artist.profile", 1, c -> c.artists().fetch(Artist_.PROFILE).findAll(),
            c -> c.artists().findAll(), Artist::id),
        // to-one over a nullable foreign key: joined
        new Case<Track>("Track.album", 1, c -> c.tracks().fetch(Track_.ALBUM).findAll(),
            c -> c.tracks().findAll(), Track::id),
        new Case<Customer>("Customer.supportRep", 1,
            c -> c.customers().fetch(Customer_.SUPPORT_REP).findAll(),
            c -> c.customers().findAll(), Customer::id),
        // self-reference, to-one and to-many
        new Case<Employee>("Employee.manager", 1,
            c -> c.employees().fetch(Employee_.MANAGER).findAll(),
            c -> c.employees().findAll(), Employee::id),
        new Case<Employee>("Employee.reports", 2,
            c -> c.employees().fetch(Employee_.REPORTS).findAll(),
            c -> c.employees().findAll(), Employee::id),
        // one-to-many
        new Case<Artist>("Artist.albums", 2, c -> c.artists().fetch(Artist_.ALBUMS).findAll(),
            c -> c.artists().findAll(), Artist::id),
        // many-to-many through the composite-key junction, both ways
        new Case<Playlist>("Playlist.tracks", 2,
            c -> c.playlists().fetch(Playlist_.TRACKS).findAll(),
            c -> c.playlists().findAll(), Playlist::id),
        new Case<Track>("Track.playlists", 2, c -> c.tracks().fetch(Track_.PLAYLISTS).findAll(),
            c -> c.tracks().findAll(), Track::id),
        // siblings: a list and a joined to-one next to each other
        new Case<Artist>("Artist.albums + Artist.profile", 2,
            c -> c.artists().fetch(Artist_.ALBUMS, Artist_.PROFILE).findAll(),
            c -> c.artists().findAll(), Artist::id),
        new Case<Employee>("Employee.manager + reports + customers", 3,
            c -> c.employees().fetch(Employee_.MANAGER, Employee_.REPORTS, Employee_.CUSTOMERS)
                .findAll(),
            c -> c.employees().findAll(), Employee::id),
        // three levels deep
        new Case<Artist>("Artist.albums.tracks.playlists", 4,
            c -> c.artists().fetch(Artist_.ALBUMS.then(Album_.TRACKS).then(Track_.PLAYLISTS))
                .findAll(),
            c -> c.artists().findAll(), Artist::id),
        new Case<Customer>("Customer.invoices.lines.track", 3,
            c -> c.customers().fetch(Customer_.INVOICES.then(Invoice_.LINES)
                .then(InvoiceLine_.TRACK)).findAll(),
            c -> c.customers().findAll(), Customer::id),
        new Case<Employee>("Employee.reports.reports.reports", 4,
            c -> c.employees().fetch(Employee_.REPORTS.then(Employee_.REPORTS)
                .then(Employee_.REPORTS)).findAll(),
            c -> c.employees().findAll(), Employee::id),
        new Case<Employee>("Employee.manager.manager.manager", 1,
            c -> c.employees().fetch(Employee_.MANAGER.then(Employee_.MANAGER)
                .then(Employee_.MANAGER)).findAll(),
            c -> c.employees().findAll(), Employee::id),
        new Case<InvoiceLine>("InvoiceLine.invoice.customer.supportRep", 1,
            c -> c.lines().fetch(InvoiceLine_.INVOICE.then(Invoice_.CUSTOMER)
                .then(Customer_.SUPPORT_REP)).findAll(),
            c -> c.lines().findAll(), InvoiceLine::id),
        new Case<Track>("Track.album.artist.profile", 1,
            c -> c.tracks().fetch(Track_.ALBUM.then(Album_.ARTIST).then(Artist_.PROFILE))
                .findAll(),
            c -> c.tracks().findAll(), Track::id),
        // lists below joined to-ones and to-ones below lists
        new Case<Playlist>("Playlist.tracks.album.artist", 2,
            c -> c.playlists().fetch(Playlist_.TRACKS.then(Track_.ALBUM).then(Album_.ARTIST))
                .findAll(),
            c -> c.playlists().findAll(), Playlist::id),
        new Case<Album>("Album.artist.albums.tracks", 3,
            c -> c.albums().fetch(Album_.ARTIST.then(Artist_.ALBUMS).then(Album_.TRACKS))
                .findAll(),
            c -> c.albums().findAll(), Album::id),
        // two deep paths sharing their first step: the shared step runs once
        new Case<Customer>("Customer.supportRep.reports + invoices.lines.track.playlists", 5,
            c -> c.customers().fetch(Customer_.SUPPORT_REP.then(Employee_.REPORTS),
                Customer_.INVOICES.then(Invoice_.LINES).then(InvoiceLine_.TRACK)
                    .then(Track_.PLAYLISTS),
                Customer_.INVOICES.then(Invoice_.LINES)).findAll(),
            c -> c.customers().findAll(), Customer::id));
    return IntStream.of(SIZES).boxed().flatMap(size -> cases.stream().map(c -> Arguments.of(size, c)));
  }

  @ParameterizedTest(name = "{1} over {0} parents")
  @MethodSource("plans")
  <E> void statementsDependOnThePlanOnly(int parents, Case<E> plan) {
    Database db = databases.get(parents);
    Chinook chinook = Chinook.of(db);
    List<E> graph = counted(db, plan.statements(), () -> plan.fetch().apply(chinook));
    List<Long> expected = plan.plain().apply(chinook).stream().map(plan.key()).toList();
    List<Long> fetched = graph.stream().map(plan.key()).toList();
    assertEquals(expected, fetched, "every root once, in key order, never multiplied by a join");
  }

  @ParameterizedTest(name = "over {0} parents")
  @ValueSource(ints = {10, 1_000, 10_000})
  void everyFinderTakesTheSameStatements(int parents) {
    Database db = databases.get(parents);
    ArtistRepository artists = new ArtistRepository(db);
    var plan = artists.fetch(Artist_.ALBUMS.then(Album_.TRACKS), Artist_.PROFILE);
    List<Long> ids = artists.findAll().stream().map(Artist::id).toList();

    assertEquals(parents, counted(db, 3, () -> plan.findAll()).size());
    assertEquals(parents, counted(db, 3, () -> plan.findAllById(ids)).size());
    counted(db, 3, () -> plan.findById(ids.get(0)).orElseThrow());
    assertEquals(parents, counted(db, 3, () -> {
      try (Stream<Artist> all = plan.streamAll()) {
        return all.toList();
      }
    }).size());
    counted(db, 3, () -> plan.query().first().orElseThrow());
    List<Artist> page = counted(db, 3, () -> plan.query().where(Artist_.NAME.isNotNull())
        .orderBy(Artist_.NAME.desc()).limit(parents / 2).offset(3).list());
    assertEquals(parents / 2, page.size());
    assertEquals(page.size(), new HashSet<>(page.stream().map(Artist::id).toList()).size());
  }

  @ParameterizedTest(name = "over {0} parents")
  @ValueSource(ints = {10, 1_000, 10_000})
  void siblingPathsDoNotMultiplyRows(int parents) {
    Database db = databases.get(parents);
    Map<Long, Long> albumsPerArtist = new AlbumRepository(db).findAll().stream()
        .collect(Collectors.groupingBy(Album::artistId, Collectors.counting()));
    List<Artist> graph = counted(db, 2, () -> new ArtistRepository(db)
        .fetch(Artist_.PROFILE, Artist_.ALBUMS).findAll());
    assertEquals(parents, graph.size());
    for (Artist artist : graph) {
      assertEquals(albumsPerArtist.getOrDefault(artist.id(), 0L), artist.albums().size(),
          "albums of artist " + artist.id());
      assertEquals(artist.albums().size(),
          artist.albums().stream().map(Album::id).distinct().count());
    }
    assertTrue(graph.stream().anyMatch(a -> a.profile() == null));
  }

  /** Runs {@code work}, asserting that it executes exactly {@code expected} statements. */
  private static <T> T counted(Database db, long expected, Supplier<T> work) {
    long before = db.stats().statementsExecuted();
    T result = work.get();
    assertEquals(expected, db.stats().statementsExecuted() - before, "statements executed");
    return result;
  }
}
