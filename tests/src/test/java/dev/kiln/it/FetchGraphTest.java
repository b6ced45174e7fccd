package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.kiln.it.chinook.Invoice;
import dev.kiln.it.chinook.InvoiceLine;
import dev.kiln.it.chinook.InvoiceLineRepository;
import dev.kiln.it.chinook.InvoiceLine_;
import dev.kiln.it.chinook.InvoiceRepository;
import dev.kiln.it.chinook.Invoice_;
import dev.kiln.it.chinook.Playlist;
import dev.kiln.it.chinook.PlaylistRepository;
import dev.kiln.it.chinook.PlaylistTrack;
import dev.kiln.it.chinook.Playlist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import dev.kiln.query.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fetched graph is exactly the graph loaded naively, one query per row ({@link NaiveGraph}):
 * compared with record equality, for every kind of relation and for nested and sibling plans,
 * over generated data that holds empty collections, null foreign keys, absent inverse
 * one-to-ones and children shared by several parents. Relations outside the plan are
 * {@code null} on both sides, so the comparison also proves that a fetch loads nothing more.
 *
 * <p>Also specified: {@code where/orderBy/limit/offset} with {@code fetch} select the same roots
 * as without (limit and offset count roots, not joined rows); the fetching finders
 * {@code findById}, {@code findAllById}, {@code streamAll} and {@code query().first()} agree with
 * the plain finders; a fetched to-many with no rows is an empty list; children come in
 * primary-key order; a plan run again (which reads children with each generated mapping's own
 * loop) loads the same graph.
 */
@Tag("engines")
class FetchGraphTest {

  @TempDir static java.nio.file.Path dir;
  static GeneratedChinook data;
  static Database db;
  static NaiveGraph naive;

  @BeforeAll
  static void generate() {
    data = GeneratedChinook.generate(20_240_601L, 500);
    db = data.open(dir);
    naive = new NaiveGraph(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static ArtistRepository artists() {
    return new ArtistRepository(db);
  }

  static AlbumRepository albums() {
    return new AlbumRepository(db);
  }

  static TrackRepository tracks() {
    return new TrackRepository(db);
  }

  static PlaylistRepository playlists() {
    return new PlaylistRepository(db);
  }

  static EmployeeRepository employees() {
    return new EmployeeRepository(db);
  }

  static CustomerRepository customers() {
    return new CustomerRepository(db);
  }

  static InvoiceRepository invoices() {
    return new InvoiceRepository(db);
  }

  static InvoiceLineRepository lines() {
    return new InvoiceLineRepository(db);
  }

  /** Runs a repository's {@code fetch(paths).findAll()}. */
  interface FetchAll<E> {
    List<E> run(Path<E, ?>[] paths);
  }

  /** A plan, how to fetch every root with it, and how to read the roots without relations. */
  record Plan<E>(String name, Path<E, ?>[] paths, FetchAll<E> fetch, Supplier<List<E>> plain) {
    @Override
    public String toString() {
      return name;
    }
  }

  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only held by the plan and read back as it is
  static <E> Arguments plan(String name, Supplier<List<E>> plain, FetchAll<E> fetch,
      Path<E, ?>... paths) {
    return Arguments.of(new Plan<>(name, paths, fetch, plain));
  }

  static Stream<Arguments> plans() {
    return Stream.of(
        plan("Album.artist", () -> albums().findAll(), p -> albums().fetch(p).findAll(),
            Album_.ARTIST),
        plan("Artist.profile", () -> artists().findAll(), p -> artists().fetch(p).findAll(),
            Artist_.PROFILE),
        plan("Artist.albums", () -> artists().findAll(), p -> artists().fetch(p).findAll(),
            Artist_.ALBUMS),
        plan("Artist.albums + Artist.profile", () -> artists().findAll(),
            p -> artists().fetch(p).findAll(), Artist_.ALBUMS, Artist_.PROFILE),
        plan("Track.album (nullable)", () -> tracks().findAll(), p -> tracks().fetch(p).findAll(),
            Track_.ALBUM),
        plan("Track.playlists", () -> tracks().findAll(), p -> tracks().fetch(p).findAll(),
            Track_.PLAYLISTS),
        plan("Playlist.tracks", () -> playlists().findAll(),
            p -> playlists().fetch(p).findAll(), Playlist_.TRACKS),
        plan("Employee.manager", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(), Employee_.MANAGER),
        plan("Employee.reports", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(), Employee_.REPORTS),
        plan("Employee.manager + reports + customers", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(), Employee_.MANAGER, Employee_.REPORTS,
            Employee_.CUSTOMERS),
        plan("Customer.supportRep (nullable)", () -> customers().findAll(),
            p -> customers().fetch(p).findAll(), Customer_.SUPPORT_REP),
        plan("Artist.albums.tracks.playlists", () -> artists().findAll(),
            p -> artists().fetch(p).findAll(),
            Artist_.ALBUMS.then(Album_.TRACKS).then(Track_.PLAYLISTS)),
        plan("Customer.invoices.lines.track", () -> customers().findAll(),
            p -> customers().fetch(p).findAll(),
            Customer_.INVOICES.then(Invoice_.LINES).then(InvoiceLine_.TRACK)),
        plan("Employee.reports.reports.reports", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(),
            Employee_.REPORTS.then(Employee_.REPORTS).then(Employee_.REPORTS)),
        plan("Employee.manager.manager.manager", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(),
            Employee_.MANAGER.then(Employee_.MANAGER).then(Employee_.MANAGER)),
        plan("Employee.reports.manager + manager.reports", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(),
            Employee_.REPORTS.then(Employee_.MANAGER), Employee_.MANAGER.then(Employee_.REPORTS)),
        plan("Playlist.tracks.playlists", () -> playlists().findAll(),
            p -> playlists().fetch(p).findAll(),
            Playlist_.TRACKS.then(Track_.PLAYLISTS)),
        plan("Playlist.tracks.album.artist.profile", () -> playlists().findAll(),
            p -> playlists().fetch(p).findAll(),
            Playlist_.TRACKS.then(Track_.ALBUM).then(Album_.ARTIST).then(Artist_.PROFILE)),
        plan("InvoiceLine.invoice.customer.supportRep + track.album", () -> lines().findAll(),
            p -> lines().fetch(p).findAll(),
            InvoiceLine_.INVOICE.then(Invoice_.CUSTOMER).then(Customer_.SUPPORT_REP),
            InvoiceLine_.TRACK.then(Track_.ALBUM)),
        plan("Album.artist.albums.tracks + tracks.playlists", () -> albums().findAll(),
            p -> albums().fetch(p).findAll(),
            Album_.ARTIST.then(Artist_.ALBUMS).then(Album_.TRACKS),
            Album_.TRACKS.then(Track_.PLAYLISTS)),
        plan("Employee.customers.invoices.lines + supportRep", () -> employees().findAll(),
            p -> employees().fetch(p).findAll(),
            Employee_.CUSTOMERS.then(Customer_.INVOICES).then(Invoice_.LINES),
            Employee_.CUSTOMERS.then(Customer_.SUPPORT_REP)),
        plan("Invoice.customer.supportRep.manager + lines.track.album", () -> invoices().findAll(),
            p -> invoices().fetch(p).findAll(),
            Invoice_.CUSTOMER.then(Customer_.SUPPORT_REP).then(Employee_.MANAGER),
            Invoice_.LINES.then(InvoiceLine_.TRACK).then(Track_.ALBUM)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  <E> void fetchedGraphEqualsTheNaiveGraph(Plan<E> plan) {
    List<E> expected = naive.load(plan.plain().get(), List.of(plan.paths()));
    assertSameGraphs(expected, plan.fetch().run(plan.paths()));
    // Run again: a plan's first run learns whether its keys are integer properties, and later
    // runs read such children with each mapping's own generated loop (EntityMapping.readRows).
    assertSameGraphs(expected, plan.fetch().run(plan.paths()));
  }

  @Test
  void everyMappingReadsChildRowsWithALoopOfItsOwn() throws NoSuchMethodException {
    for (Class<?> mapping : List.of(ArtistRepository.Mapping.class,
        AlbumRepository.Mapping.class, TrackRepository.Mapping.class,
        PlaylistRepository.Mapping.class, InvoiceLineRepository.Mapping.class)) {
      assertEquals(mapping, mapping.getMethod("readRows", java.sql.ResultSet.class, int.class,
          int.class, int.class, dev.kiln.mapping.ChildRows.class).getDeclaringClass());
    }
  }

  @Test
  void generatedDataHoldsEveryCaseAFetchMustGetRight() {
    Set<Long> artistsWithAlbums = ids(data.albums, Album::artistId);
    Set<Long> albumsWithTracks = ids(data.tracks, Track::albumId);
    Map<Long, Long> playlistsPerTrack = data.playlistTracks.stream()
        .collect(Collectors.groupingBy(PlaylistTrack::trackId, Collectors.counting()));
    assertTrue(data.artists.stream().anyMatch(a -> !artistsWithAlbums.contains(a.id())),
        "an artist without albums");
    assertTrue(data.albums.stream().anyMatch(a -> !albumsWithTracks.contains(a.id())),
        "an album without tracks");
    assertTrue(data.artists.stream().anyMatch(a -> data.profiles.stream()
        .noneMatch(p -> p.artistId() == a.id())), "an artist without a profile");
    assertTrue(data.tracks.stream().anyMatch(t -> t.albumId() == null), "a track without album");
    assertTrue(data.employees.stream().skip(1).anyMatch(e -> e.reportsTo() == null),
        "several employees without a manager");
    assertTrue(data.customers.stream().anyMatch(c -> c.supportRepId() == null),
        "a customer without a support representative");
    assertTrue(playlistsPerTrack.values().stream().anyMatch(n -> n > 2),
        "a track in several playlists");
    assertTrue(data.tracks.stream().anyMatch(t -> !playlistsPerTrack.containsKey(t.id())),
        "a track in no playlist");
    assertTrue(data.playlists.stream().anyMatch(p -> data.playlistTracks.stream()
        .noneMatch(pt -> pt.playlistId() == p.id())), "an empty playlist");
    assertTrue(data.customers.stream().anyMatch(c -> data.invoices.stream()
        .noneMatch(i -> i.customerId() == c.id())), "a customer without invoices");
    assertTrue(data.invoices.stream().anyMatch(i -> data.lines.stream()
        .noneMatch(l -> l.invoiceId() == i.id())), "an invoice without lines");
    assertTrue(data.lines.stream().collect(Collectors.groupingBy(InvoiceLine::trackId,
        Collectors.counting())).values().stream().anyMatch(n -> n > 1), "a track sold twice");
  }

  @Test
  void limitAndOffsetCountRootsNotJoinedRows() {
    for (long offset : new long[] {0, 3, 250, 10_000}) {
      for (long limit : new long[] {0, 1, 7, 120}) {
        List<Artist> plain = artists().query().where(Artist_.NAME.isNotNull())
            .orderBy(Artist_.NAME.desc()).limit(limit).offset(offset).list();
        List<Artist> fetched = artists().query().where(Artist_.NAME.isNotNull())
            .orderBy(Artist_.NAME.desc()).limit(limit).offset(offset)
            .fetch(Artist_.ALBUMS.then(Album_.TRACKS), Artist_.PROFILE).list();
        assertSameGraphs(naive.load(plain,
            List.of(Artist_.ALBUMS.then(Album_.TRACKS), Artist_.PROFILE)), fetched);

        // Tracks ordered by a nullable column, with two lists and a joined to-one.
        List<Track> plainTracks = tracks().query().where(Track_.MILLISECONDS.gt(150_000L))
            .orderBy(Track_.ALBUM_ID.asc()).limit(limit).offset(offset).list();
        List<Track> fetchedTracks = tracks().query().where(Track_.MILLISECONDS.gt(150_000L))
            .orderBy(Track_.ALBUM_ID.asc()).limit(limit).offset(offset)
            .fetch(Track_.PLAYLISTS, Track_.ALBUM.then(Album_.TRACKS)).list();
        assertSameGraphs(naive.load(plainTracks,
            List.of(Track_.PLAYLISTS, Track_.ALBUM.then(Album_.TRACKS))), fetchedTracks);
      }
    }
    // The page is full: the roots have many children each, and still `limit` roots come back.
    assertEquals(7, artists().query().where(Artist_.ID.in(ids(data.albums, Album::artistId)))
        .limit(7).fetch(Artist_.ALBUMS).list().size());
  }

  @Test
  void conditionsOnColumnsThatJoinedTablesShareAreTheRoots() {
    // Employee joins Employee: "LastName" and "EmployeeId" exist in both, the filter is the root's.
    Employee someone = data.employees.get(data.employees.size() / 2);
    List<Employee> found = employees().query().where(Employee_.LAST_NAME.eq(someone.lastName()))
        .orderBy(Employee_.ID.desc()).fetch(Employee_.MANAGER.then(Employee_.MANAGER)).list();
    assertSameGraphs(naive.load(List.of(someone),
        List.of(Employee_.MANAGER.then(Employee_.MANAGER))), found);
    // Track joins Album and Artist, which have "Name", "Title" and "AlbumId" too.
    List<Track> named = tracks().query().where(Track_.NAME.startsWith("Track 3"))
        .orderBy(Track_.NAME.asc()).fetch(Track_.ALBUM.then(Album_.ARTIST)).list();
    assertSameGraphs(naive.load(tracks().query().where(Track_.NAME.startsWith("Track 3"))
        .orderBy(Track_.NAME.asc()).list(), List.of(Track_.ALBUM.then(Album_.ARTIST))), named);
  }

  @Test
  void fetchingFindersAgreeWithThePlainOnes() {
    List<Path<Customer, ?>> paths = List.of(Customer_.SUPPORT_REP,
        Customer_.INVOICES.then(Invoice_.LINES).then(InvoiceLine_.TRACK));
    var fetching = customers().fetch(paths.get(0), paths.get(1));

    for (Customer customer : data.customers.subList(0, 40)) {
      assertEquals(naive.load(List.of(customers().findById(customer.id()).orElseThrow()), paths),
          List.of(fetching.findById(customer.id()).orElseThrow()));
    }
    assertEquals(Optional.empty(), fetching.findById(-1));

    Random random = new Random(7);
    List<Long> wanted = new ArrayList<>();
    data.customers.forEach(c -> {
      if (random.nextInt(3) == 0) {
        wanted.add(c.id());
      }
    });
    wanted.add(-5L); // no such customer
    wanted.add(wanted.get(0)); // asked twice
    Collections.shuffle(wanted, random);
    assertSameGraphs(naive.load(customers().findAllById(wanted), paths),
        fetching.findAllById(wanted));
    assertEquals(List.of(), fetching.findAllById(List.of()));

    List<Customer> all = naive.load(customers().findAll(), paths);
    try (Stream<Customer> stream = fetching.streamAll()) {
      assertSameGraphs(all, stream.toList());
    }
    assertSameGraphs(all, fetching.findAll());

    Customer last = fetching.query().orderBy(Customer_.LAST_NAME.desc()).first().orElseThrow();
    assertEquals(naive.load(List.of(customers().query().orderBy(Customer_.LAST_NAME.desc())
        .first().orElseThrow()), paths).get(0), last);
    Optional<Customer> none = fetching.query().where(Customer_.EMAIL.eq("nobody")).first();
    assertEquals(Optional.empty(), none);
    Optional<Customer> third = customers().query().orderBy(Customer_.ID.asc()).offset(2)
        .fetch(paths).first();
    assertEquals(all.get(2), third.orElseThrow(), "first() honours the offset");
  }

  @Test
  void unfetchedRelationsStayNull() {
    List<Artist> graph = artists().fetch(Artist_.ALBUMS).findAll();
    for (Artist artist : graph) {
      assertNull(artist.profile(), "Artist.profile was not fetched");
      assertNotNull(artist.albums());
      for (Album album : artist.albums()) {
        assertNull(album.artist(), "Album.artist was not fetched");
        assertNull(album.tracks(), "Album.tracks was not fetched");
      }
    }
    for (Track track : tracks().fetch(Track_.ALBUM).findAll()) {
      assertNull(track.playlists(), "Track.playlists was not fetched");
      if (track.album() != null) {
        assertNull(track.album().tracks(), "Album.tracks was not fetched");
        assertNull(track.album().artist(), "Album.artist was not fetched");
      }
    }
  }

  @Test
  void aFetchedEmptyToManyIsAnEmptyListAndAnAbsentToOneIsNull() {
    List<Artist> graph = artists().fetch(Artist_.ALBUMS.then(Album_.TRACKS), Artist_.PROFILE)
        .findAll();
    assertTrue(graph.stream().anyMatch(a -> a.albums().isEmpty()));
    assertTrue(graph.stream().flatMap(a -> a.albums().stream()).anyMatch(a -> a.tracks().isEmpty()));
    assertTrue(graph.stream().anyMatch(a -> a.profile() == null));
    graph.forEach(a -> a.albums().forEach(album -> assertNotNull(album.tracks())));

    assertTrue(playlists().fetch(Playlist_.TRACKS).findAll().stream()
        .anyMatch(p -> p.tracks().isEmpty()));
    List<Track> singles = tracks().query().where(Track_.ALBUM_ID.isNull())
        .fetch(Track_.ALBUM, Track_.PLAYLISTS).list();
    assertTrue(singles.size() > 0);
    singles.forEach(t -> {
      assertNull(t.album());
      assertNotNull(t.playlists());
    });
    List<Employee> staff = employees().fetch(Employee_.MANAGER, Employee_.REPORTS).findAll();
    assertTrue(staff.stream().anyMatch(e -> e.manager() == null && e.reports().isEmpty()));
  }

  @Test
  void childrenComeInPrimaryKeyOrder() {
    // Junction rows were inserted in random order; the tracks still come by TrackId.
    for (Playlist playlist : playlists().fetch(Playlist_.TRACKS.then(Track_.PLAYLISTS))
        .findAll()) {
      assertSorted(playlist.tracks(), Track::id);
      playlist.tracks().forEach(t -> assertSorted(t.playlists(), Playlist::id));
    }
    for (Customer customer : customers().fetch(Customer_.INVOICES.then(Invoice_.LINES))
        .findAll()) {
      assertSorted(customer.invoices(), Invoice::id);
      customer.invoices().forEach(i -> assertSorted(i.lines(), InvoiceLine::id));
    }
    for (Employee employee : employees().fetch(Employee_.REPORTS, Employee_.CUSTOMERS)
        .findAll()) {
      assertSorted(employee.reports(), Employee::id);
      assertSorted(employee.customers(), Customer::id);
    }
  }

  /**
   * Every fetched to-many list, of any size and at any depth, refuses changes and equals the same
   * elements in an {@code ArrayList}, hashing alike.
   */
  @Test
  void fetchedListsAreImmutableLists() {
    List<Customer> graph = customers().fetch(Customer_.INVOICES.then(Invoice_.LINES)).findAll();
    Set<Integer> sizes = new java.util.TreeSet<>();
    List<List<?>> lists = new ArrayList<>();
    for (Customer customer : graph) {
      lists.add(customer.invoices());
      customer.invoices().forEach(invoice -> lists.add(invoice.lines()));
    }
    for (List<?> list : lists) {
      sizes.add(list.size());
      List<Object> copy = new ArrayList<>(list);
      assertEquals(copy, list);
      assertEquals(list, copy);
      assertEquals(copy.hashCode(), list.hashCode());
      assertEquals(copy, List.of(list.toArray()));
      assertThrows(UnsupportedOperationException.class, () -> list.add(null));
      assertThrows(UnsupportedOperationException.class, list::clear);
      if (!list.isEmpty()) {
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
      }
    }
    assertTrue(sizes.containsAll(List.of(0, 1, 2, 3)) && sizes.stream().anyMatch(n -> n > 3),
        "lists of every size were read: " + sizes);
  }

  private static <T> void assertSorted(List<T> children, Function<T, Long> key) {
    List<Long> keys = children.stream().map(key).toList();
    assertEquals(keys.stream().sorted().toList(), keys, "children in key order");
  }

  private static <T> Set<Long> ids(List<T> rows, Function<T, Long> key) {
    return rows.stream().map(key).filter(k -> k != null).collect(Collectors.toSet());
  }

  /** Equal lists of graphs, reporting the first root that differs rather than both lists. */
  static <E> void assertSameGraphs(List<E> expected, List<E> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      int at = i;
      assertEquals(expected.get(i), actual.get(i), () -> "root #" + at + " differs");
    }
    assertEquals(expected.size(), actual.size(), "number of roots");
  }
}
