package dev.kiln.it;

import dev.kiln.Database;
import dev.kiln.it.chinook.Album;
import dev.kiln.it.chinook.AlbumRepository;
import dev.kiln.it.chinook.Album_;
import dev.kiln.it.chinook.Artist;
import dev.kiln.it.chinook.ArtistProfile;
import dev.kiln.it.chinook.ArtistProfileRepository;
import dev.kiln.it.chinook.ArtistProfile_;
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
import dev.kiln.it.chinook.PlaylistTrackRepository;
import dev.kiln.it.chinook.PlaylistTrack_;
import dev.kiln.it.chinook.Playlist_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import dev.kiln.mapping.RelationInfo;
import dev.kiln.query.Path;
import dev.kiln.query.Relation;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reference a fetch is compared with: the same graph loaded the slow, obvious way, one query
 * per row and relation, with nothing but the plain repositories ({@code findById} for a to-one,
 * {@code query().where(fk.eq(key))} for a to-many, the junction's rows for a many-to-many).
 * Relations outside the plan stay {@code null}, as they do in a fetch.
 */
final class NaiveGraph {

  /** The relations to load below one entity, each with what to load below its targets. */
  static final class Plan {
    private final Map<RelationInfo<?, ?>, Plan> children = new LinkedHashMap<>();

    /** The tree of {@code paths}, merged where they share a prefix. */
    static Plan of(List<? extends Path<?, ?>> paths) {
      Plan root = new Plan();
      for (Path<?, ?> path : paths) {
        Plan at = root;
        for (RelationInfo<?, ?> step : path.steps()) {
          at = at.children.computeIfAbsent(step, s -> new Plan());
        }
      }
      return root;
    }

    boolean has(Relation<?, ?> relation) {
      return children.containsKey(relation.info());
    }

    Plan below(Relation<?, ?> relation) {
      return children.get(relation.info());
    }
  }

  private final EmployeeRepository employees;
  private final ArtistRepository artists;
  private final ArtistProfileRepository profiles;
  private final AlbumRepository albums;
  private final TrackRepository tracks;
  private final PlaylistRepository playlists;
  private final PlaylistTrackRepository playlistTracks;
  private final CustomerRepository customers;
  private final InvoiceRepository invoices;
  private final InvoiceLineRepository lines;

  NaiveGraph(Database db) {
    employees = new EmployeeRepository(db);
    artists = new ArtistRepository(db);
    profiles = new ArtistProfileRepository(db);
    albums = new AlbumRepository(db);
    tracks = new TrackRepository(db);
    playlists = new PlaylistRepository(db);
    playlistTracks = new PlaylistTrackRepository(db);
    customers = new CustomerRepository(db);
    invoices = new InvoiceRepository(db);
    lines = new InvoiceLineRepository(db);
  }

  /** {@code roots} (as read without relations) with the relations on {@code paths} loaded. */
  @SuppressWarnings("unchecked")
  <E> List<E> load(List<E> roots, List<? extends Path<?, ?>> paths) {
    Plan plan = Plan.of(paths);
    return roots.stream().map(root -> (E) load(root, plan)).toList();
  }

  private Object load(Object entity, Plan plan) {
    if (entity instanceof Artist a) {
      return artist(a, plan);
    } else if (entity instanceof ArtistProfile p) {
      return p;
    } else if (entity instanceof Album a) {
      return album(a, plan);
    } else if (entity instanceof Track t) {
      return track(t, plan);
    } else if (entity instanceof Playlist p) {
      return playlist(p, plan);
    } else if (entity instanceof Employee e) {
      return employee(e, plan);
    } else if (entity instanceof Customer c) {
      return customer(c, plan);
    } else if (entity instanceof Invoice i) {
      return invoice(i, plan);
    } else if (entity instanceof InvoiceLine l) {
      return line(l, plan);
    }
    throw new IllegalArgumentException("not a Chinook entity: " + entity);
  }

  private Artist artist(Artist a, Plan plan) {
    List<Album> albumList = plan.has(Artist_.ALBUMS)
        ? many(albums.query().where(Album_.ARTIST_ID.eq(a.id())).orderBy(Album_.ID.asc()).list(),
            plan.below(Artist_.ALBUMS)) : null;
    ArtistProfile profile = plan.has(Artist_.PROFILE)
        ? profiles.query().where(ArtistProfile_.ARTIST_ID.eq(a.id()))
            .orderBy(ArtistProfile_.ID.asc()).first().orElse(null) : null;
    return new Artist(a.id(), a.name(), albumList, profile);
  }

  private Album album(Album a, Plan plan) {
    Artist artist = plan.has(Album_.ARTIST)
        ? one(artists.findById(a.artistId()).orElseThrow(), plan.below(Album_.ARTIST)) : null;
    List<Track> trackList = plan.has(Album_.TRACKS)
        ? many(tracks.query().where(Track_.ALBUM_ID.eq(a.id())).orderBy(Track_.ID.asc()).list(),
            plan.below(Album_.TRACKS)) : null;
    return new Album(a.id(), a.title(), a.artistId(), artist, trackList);
  }

  private Track track(Track t, Plan plan) {
    Album album = plan.has(Track_.ALBUM) && t.albumId() != null
        ? one(albums.findById(t.albumId()).orElseThrow(), plan.below(Track_.ALBUM)) : null;
    List<Playlist> playlistList = plan.has(Track_.PLAYLISTS)
        ? many(through(playlistTracks.query().where(PlaylistTrack_.TRACK_ID.eq(t.id())).list(),
            pt -> playlists.findById(pt.playlistId()).orElseThrow(), Playlist::id),
            plan.below(Track_.PLAYLISTS)) : null;
    return new Track(t.id(), t.name(), t.albumId(), t.mediaTypeId(), t.genreId(), t.composer(),
        t.milliseconds(), t.bytes(), t.unitPrice(), album, playlistList);
  }

  private Playlist playlist(Playlist p, Plan plan) {
    List<Track> trackList = plan.has(Playlist_.TRACKS)
        ? many(through(playlistTracks.query().where(PlaylistTrack_.PLAYLIST_ID.eq(p.id())).list(),
            pt -> tracks.findById(pt.trackId()).orElseThrow(), Track::id),
            plan.below(Playlist_.TRACKS)) : null;
    return new Playlist(p.id(), p.name(), trackList);
  }

  private Employee employee(Employee e, Plan plan) {
    Employee manager = plan.has(Employee_.MANAGER) && e.reportsTo() != null
        ? one(employees.findById(e.reportsTo()).orElseThrow(), plan.below(Employee_.MANAGER))
        : null;
    List<Employee> reports = plan.has(Employee_.REPORTS)
        ? many(employees.query().where(Employee_.REPORTS_TO.eq(e.id())).orderBy(Employee_.ID.asc())
            .list(), plan.below(Employee_.REPORTS)) : null;
    List<Customer> supported = plan.has(Employee_.CUSTOMERS)
        ? many(customers.query().where(Customer_.SUPPORT_REP_ID.eq(e.id()))
            .orderBy(Customer_.ID.asc()).list(), plan.below(Employee_.CUSTOMERS)) : null;
    return new Employee(e.id(), e.lastName(), e.firstName(), e.title(), e.reportsTo(),
        e.birthDate(), e.hireDate(), e.email(), manager, reports, supported);
  }

  private Customer customer(Customer c, Plan plan) {
    Employee rep = plan.has(Customer_.SUPPORT_REP) && c.supportRepId() != null
        ? one(employees.findById(c.supportRepId()).orElseThrow(), plan.below(Customer_.SUPPORT_REP))
        : null;
    List<Invoice> invoiceList = plan.has(Customer_.INVOICES)
        ? many(invoices.query().where(Invoice_.CUSTOMER_ID.eq(c.id())).orderBy(Invoice_.ID.asc())
            .list(), plan.below(Customer_.INVOICES)) : null;
    return new Customer(c.id(), c.firstName(), c.lastName(), c.company(), c.country(), c.email(),
        c.supportRepId(), rep, invoiceList);
  }

  private Invoice invoice(Invoice i, Plan plan) {
    Customer customer = plan.has(Invoice_.CUSTOMER)
        ? one(customers.findById(i.customerId()).orElseThrow(), plan.below(Invoice_.CUSTOMER))
        : null;
    List<InvoiceLine> lineList = plan.has(Invoice_.LINES)
        ? many(lines.query().where(InvoiceLine_.INVOICE_ID.eq(i.id()))
            .orderBy(InvoiceLine_.ID.asc()).list(), plan.below(Invoice_.LINES))
        : null;
    return new Invoice(i.id(), i.customerId(), i.invoiceDate(), i.billingCountry(), i.total(),
        customer, lineList);
  }

  private InvoiceLine line(InvoiceLine l, Plan plan) {
    Invoice invoice = plan.has(InvoiceLine_.INVOICE)
        ? one(invoices.findById(l.invoiceId()).orElseThrow(), plan.below(InvoiceLine_.INVOICE))
        : null;
    Track track = plan.has(InvoiceLine_.TRACK)
        ? one(tracks.findById(l.trackId()).orElseThrow(), plan.below(InvoiceLine_.TRACK)) : null;
    return new InvoiceLine(l.id(), l.invoiceId(), l.trackId(), l.unitPrice(), l.quantity(),
        invoice, track);
  }

  @SuppressWarnings("unchecked")
  private <T> T one(T entity, Plan plan) {
    return (T) load(entity, plan);
  }

  private <T> List<T> many(List<T> entities, Plan plan) {
    return entities.stream().map(e -> one(e, plan)).toList();
  }

  /** The targets of junction rows, one lookup each, in the targets' key order. */
  private static <T> List<T> through(List<PlaylistTrack> junction,
      Function<PlaylistTrack, T> target, Function<T, Long> key) {
    return junction.stream().map(target).sorted(Comparator.comparing(key)).toList();
  }
}
