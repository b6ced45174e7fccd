package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.KilnException;
import dev.kiln.StatementStats;
import dev.kiln.it.chinook.CustomerRepository;
import dev.kiln.it.chinook.Customer_;
import dev.kiln.it.chinook.EmployeeRepository;
import dev.kiln.it.chinook.Employee_;
import dev.kiln.it.chinook.InvoiceLineRepository;
import dev.kiln.it.chinook.InvoiceLine_;
import dev.kiln.it.chinook.InvoiceRepository;
import dev.kiln.it.chinook.Invoice_;
import dev.kiln.it.chinook.Track;
import dev.kiln.it.chinook.TrackRepository;
import dev.kiln.it.chinook.Track_;
import dev.kiln.query.Aggregate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Projections, aggregates and grouping on the Chinook data, each answer checked against the same
 * question in hand-written SQL of the original file (aggregated in Java with exact decimals where
 * SQLite's own sum would add doubles).
 */
@Tag("engines")
class ProjectionsTest extends ChinookFixture {

  record Name(String first, String last) {}

  record GenreSales(Long genreId, BigDecimal total, Long lines) {}

  record AlbumLength(Long albumId, Long tracks, BigDecimal totalMillis, BigDecimal average,
      Long longest) {}

  record Two(long id, String name) {}

  record Three(long id, String name, String composer) {}

  record Four(long id, String name, String composer, long millis) {}

  record Five(long id, String name, String composer, long millis, BigDecimal price) {}

  /**
   * Each number of selected values, from one to five, reads the same results whichever way a
   * row reaches {@code into}: straight from the result set ({@code list}, {@code stream}) or
   * from the values kept of it ({@code cached()}, which without a query cache still goes through
   * them) — primitives unboxed, a NULL composer kept as null.
   */
  @Test
  void everyNumberOfValuesReadsTheSameStraightOrKept() {
    List<String[]> rows = rows("SELECT TrackId, Name, Composer, Milliseconds, UnitPrice"
        + " FROM Track WHERE AlbumId BETWEEN 7 AND 9 ORDER BY TrackId");
    assertTrue(rows.stream().anyMatch(r -> r[2] == null), "a track without a composer");
    List<Five> expected = rows.stream().map(r -> new Five(Long.parseLong(r[0]), r[1], r[2],
        Long.parseLong(r[3]), new BigDecimal(r[4]))).toList();
    Supplier<TrackRepository.Query> tracks = () -> new TrackRepository(db).query()
        .where(Track_.ALBUM_ID.between(7L, 9L)).orderBy(Track_.ID.asc());

    for (boolean kept : new boolean[] {false, true}) {
      UnaryOperator<TrackRepository.Query> how = q -> kept ? q.cached() : q;
      var one = how.apply(tracks.get()).select(Track_.ID);
      assertEquals(expected.stream().map(Five::id).toList(), one.list());
      var two = how.apply(tracks.get()).select(Track_.ID, Track_.NAME).into(Two::new);
      assertEquals(expected.stream().map(f -> new Two(f.id(), f.name())).toList(), two.list());
      var three = how.apply(tracks.get()).select(Track_.ID, Track_.NAME, Track_.COMPOSER)
          .into(Three::new);
      assertEquals(expected.stream().map(f -> new Three(f.id(), f.name(), f.composer()))
          .toList(), three.list());
      var four = how.apply(tracks.get())
          .select(Track_.ID, Track_.NAME, Track_.COMPOSER, Track_.MILLISECONDS).into(Four::new);
      assertEquals(expected.stream()
          .map(f -> new Four(f.id(), f.name(), f.composer(), f.millis())).toList(), four.list());
      var five = how.apply(tracks.get()).select(Track_.ID, Track_.NAME, Track_.COMPOSER,
          Track_.MILLISECONDS, Track_.UNIT_PRICE).into(Five::new);
      assertEquals(expected, five.list());
      assertEquals(expected.get(0), five.first().orElseThrow());
      try (var stream = five.stream()) {
        assertEquals(expected, stream.toList());
      }
    }
  }

  @Test
  void selectedColumnsGoIntoARecordByItsConstructor() {
    List<Name> kiln = new CustomerRepository(db).query().where(Customer_.COUNTRY.eq("Brazil"))
        .orderBy(Customer_.LAST_NAME.desc())
        .select(Customer_.FIRST_NAME, Customer_.LAST_NAME).into(Name::new).list();
    List<Name> expected = rows("SELECT FirstName, LastName FROM Customer WHERE Country = 'Brazil'"
        + " ORDER BY LastName DESC, CustomerId").stream().map(r -> new Name(r[0], r[1])).toList();
    assertEquals(5, expected.size());
    assertEquals(expected, kiln);
    assertEquals(expected.get(0).first(), new CustomerRepository(db).query()
        .where(Customer_.COUNTRY.eq("Brazil")).orderBy(Customer_.LAST_NAME.desc())
        .select(Customer_.FIRST_NAME).first().orElseThrow());
  }

  @Test
  void salesPerGenreThroughARelationGroupedAndOrderedByTheSum() {
    var genre = InvoiceLine_.TRACK.then(Track_.GENRE_ID);
    List<GenreSales> kiln = new InvoiceLineRepository(db).query()
        .groupBy(genre)
        .orderBy(InvoiceLine_.UNIT_PRICE.sum().desc())
        .select(genre, InvoiceLine_.UNIT_PRICE.sum(), Aggregate.count())
        .into(GenreSales::new).list();

    Map<Long, BigDecimal> totals = new LinkedHashMap<>();
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (String[] row : rows("SELECT t.GenreId, il.UnitPrice FROM InvoiceLine il"
        + " JOIN Track t ON t.TrackId = il.TrackId")) {
      long id = Long.parseLong(row[0]);
      totals.merge(id, new BigDecimal(row[1]), BigDecimal::add);
      counts.merge(id, 1L, Long::sum);
    }
    List<GenreSales> expected = new ArrayList<>();
    totals.forEach((id, total) -> expected.add(new GenreSales(id, total, counts.get(id))));
    expected.sort((a, b) -> b.total().compareTo(a.total()) != 0
        ? b.total().compareTo(a.total()) : a.genreId().compareTo(b.genreId()));
    assertEquals(expected, kiln);
    assertEquals(1L, kiln.get(0).genreId(), "Rock sells best");
    assertEquals(new BigDecimal("826.65"), kiln.get(0).total());
  }

  @Test
  void groupsFilteredByHavingWithEveryAggregate() {
    List<AlbumLength> kiln = new TrackRepository(db).query()
        .where(Track_.ALBUM_ID.isNotNull())
        .groupBy(Track_.ALBUM_ID)
        .having(Aggregate.<dev.kiln.it.chinook.Track>count().gt(20L))
        .select(Track_.ALBUM_ID, Aggregate.count(), Track_.MILLISECONDS.sum(),
            Track_.MILLISECONDS.avg(), Track_.MILLISECONDS.max())
        .into(AlbumLength::new).list();
    List<AlbumLength> expected = rows("SELECT AlbumId, count(*), sum(Milliseconds),"
        + " max(Milliseconds) FROM Track WHERE AlbumId IS NOT NULL GROUP BY AlbumId"
        + " HAVING count(*) > 20 ORDER BY AlbumId").stream()
        .map(r -> new AlbumLength(Long.parseLong(r[0]), Long.parseLong(r[1]),
            new BigDecimal(r[2]), new BigDecimal(r[2]).divide(new BigDecimal(r[1]),
                new MathContext(15)).stripTrailingZeros(), Long.parseLong(r[3])))
        .toList();
    assertTrue(expected.size() > 3, expected.toString());
    assertEquals(expected, kiln);
  }

  @Test
  void scalarAggregatesOfTheMatchingRows() {
    InvoiceRepository invoices = new InvoiceRepository(db);
    assertEquals(new BigDecimal("2328.60"), invoices.query().sum(Invoice_.TOTAL));
    assertEquals(new BigDecimal("5.65194174757282"), // 2328.60 / 412, to 15 digits
        invoices.query().avg(Invoice_.TOTAL).orElseThrow());
    assertEquals(new BigDecimal("25.86"), invoices.query().max(Invoice_.TOTAL).orElseThrow());
    assertEquals(LocalDateTime.parse(rows("SELECT min(InvoiceDate) FROM Invoice").get(0)[0]
        .replace(' ', 'T')), invoices.query().min(Invoice_.INVOICE_DATE).orElseThrow());
    assertEquals(24, invoices.query().countDistinct(Invoice_.BILLING_COUNTRY));
    assertEquals(BigDecimal.ZERO, invoices.query().where(Invoice_.TOTAL.lt(BigDecimal.ZERO))
        .sum(Invoice_.TOTAL), "a sum over no rows is zero");
    assertTrue(invoices.query().where(Invoice_.TOTAL.lt(BigDecimal.ZERO))
        .max(Invoice_.TOTAL).isEmpty());
    assertEquals(new BigDecimal("1.99"), new TrackRepository(db).query()
        .where(Track_.GENRE_ID.eq(21)).max(Track_.UNIT_PRICE).orElseThrow());
  }

  record CustomerSpend(Long customerId, Long invoices, Long countries, BigDecimal total,
      BigDecimal average) {}

  @Test
  void decimalSumsPerGroupAreExactAndPagedByGroup() {
    // On SQLite Kiln adds these decimals up over the rows it reads rather than calling its exact
    // SQL function back for each row: the answer must be the database function's, page included.
    var spend = new InvoiceRepository(db).query()
        .where(Invoice_.TOTAL.gt(new BigDecimal("1.00")))
        .groupBy(Invoice_.CUSTOMER_ID)
        .orderBy(Invoice_.CUSTOMER_ID.desc());
    List<CustomerSpend> kiln = spend.offset(3).limit(10)
        .select(Invoice_.CUSTOMER_ID, Aggregate.count(), Invoice_.BILLING_COUNTRY.count(),
            Invoice_.TOTAL.sum(), Invoice_.TOTAL.avg())
        .into(CustomerSpend::new).list();

    // The same question with a having that keeps every group, which only SQL can answer.
    List<CustomerSpend> bySql = new InvoiceRepository(db).query()
        .where(Invoice_.TOTAL.gt(new BigDecimal("1.00")))
        .groupBy(Invoice_.CUSTOMER_ID)
        .having(Aggregate.<dev.kiln.it.chinook.Invoice>count().gt(0L))
        .orderBy(Invoice_.CUSTOMER_ID.desc()).offset(3).limit(10)
        .select(Invoice_.CUSTOMER_ID, Aggregate.count(), Invoice_.BILLING_COUNTRY.count(),
            Invoice_.TOTAL.sum(), Invoice_.TOTAL.avg())
        .into(CustomerSpend::new).list();
    assertEquals(bySql, kiln);

    Map<Long, List<BigDecimal>> totals = new LinkedHashMap<>();
    for (String[] row : rows("SELECT CustomerId, Total FROM Invoice WHERE Total > 1.0"
        + " ORDER BY CustomerId DESC")) {
      totals.computeIfAbsent(Long.parseLong(row[0]), id -> new ArrayList<>())
          .add(new BigDecimal(row[1]));
    }
    List<Long> expectedIds = totals.keySet().stream().skip(3).limit(10).toList();
    assertEquals(expectedIds, kiln.stream().map(CustomerSpend::customerId).toList());
    for (CustomerSpend row : kiln) {
      List<BigDecimal> mine = totals.get(row.customerId());
      BigDecimal sum = mine.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      assertEquals(mine.size(), row.invoices());
      assertEquals(mine.size(), row.countries());
      assertEquals(0, sum.compareTo(row.total()), row.toString());
      assertEquals(0, sum.divide(BigDecimal.valueOf(mine.size()), MathContext.DECIMAL128)
          .round(new MathContext(15)).compareTo(row.average()), row.toString());
    }

    assertEquals(kiln.get(0), spend.select(Invoice_.CUSTOMER_ID, Aggregate.count(),
            Invoice_.BILLING_COUNTRY.count(), Invoice_.TOTAL.sum(), Invoice_.TOTAL.avg())
        .into(CustomerSpend::new).first().orElseThrow(), "first() is the page's first group");
    assertEquals(List.of(), spend.limit(0).select(Invoice_.TOTAL.sum()).list());
    try (var stream = spend.limit(2).select(Invoice_.TOTAL.sum()).stream()) {
      assertEquals(kiln.subList(0, 2).stream().map(CustomerSpend::total).toList(),
          stream.toList());
    }
    if (db.dialect() == dev.kiln.Dialect.SQLITE) {
      List<String> run = db.stats().statements().stream().map(StatementStats::sql)
          .filter(sql -> sql.contains("\"Total\"")).toList();
      assertTrue(run.stream().anyMatch(sql -> !sql.contains("GROUP BY")
          && !sql.contains("kiln_decimal_sum")), run.toString());
    }
  }

  @Test
  void theBestCustomersWithNamesThroughTheRelation() {
    var lastName = Invoice_.CUSTOMER.then(Customer_.LAST_NAME);
    List<String> kiln = new InvoiceRepository(db).query()
        .groupBy(Invoice_.CUSTOMER_ID, lastName)
        .orderBy(Invoice_.TOTAL.sum().desc())
        .limit(3)
        .select(lastName).list();
    assertEquals("Holý", kiln.get(0), "Helena Holý spent most");
    assertEquals(List.of("Holý", "Cunningham", "Rojas"), kiln);
  }

  @Test
  void aColumnThroughARelationOfAnEntityToItself() {
    List<String> kiln = new EmployeeRepository(db).query()
        .where(Employee_.REPORTS_TO.isNotNull())
        .select(Employee_.LAST_NAME, Employee_.MANAGER.then(Employee_.LAST_NAME))
        .into((employee, manager) -> employee + " → " + manager).list();
    List<String> expected = rows("SELECT e.LastName, m.LastName FROM Employee e"
        + " JOIN Employee m ON m.EmployeeId = e.ReportsTo ORDER BY e.EmployeeId").stream()
        .map(r -> r[0] + " → " + r[1]).toList();
    assertEquals(expected, kiln);
  }

  record SizeTotal(Long bytes, Long tracks, BigDecimal total) {}

  @Test
  void groupsByANullKeyAndByZeroStayApart() {
    // NULL reads from the driver as 0: a fold that grouped by the number alone would merge them.
    TrackRepository tracks = new TrackRepository(db);
    List<Track> added = List.of(track(90_001, null, "0.10"), track(90_002, null, "0.20"),
        track(90_003, 0L, "0.40"), track(90_004, 0L, "0.80"), track(90_005, 7L, "1.60"));
    tracks.insertAll(added);
    try {
      List<SizeTotal> totals = tracks.query().where(Track_.ID.gt(90_000L))
          .groupBy(Track_.BYTES).orderBy(Track_.BYTES.asc())
          .select(Track_.BYTES, Aggregate.count(), Track_.UNIT_PRICE.sum())
          .into(SizeTotal::new).list();

      Map<Long, String> byKey = new java.util.HashMap<>();
      for (SizeTotal row : totals) {
        byKey.put(row.bytes(), row.tracks() + " " + row.total().stripTrailingZeros().toPlainString());
      }
      Map<Long, String> expected = new java.util.HashMap<>();
      expected.put(null, "2 0.3");
      expected.put(0L, "2 1.2");
      expected.put(7L, "1 1.6");
      assertEquals(expected, byKey, totals.toString());
    } finally {
      tracks.deleteAll(added);
    }
  }

  private static Track track(long id, Long bytes, String price) {
    return new Track(id, "Track " + id, null, 1, null, null, 1_000, bytes, new BigDecimal(price),
        null, List.of());
  }

  @Test
  void aGroupedSelectionThatSqlCouldNotAnswerIsRefused() {
    TrackRepository tracks = new TrackRepository(db);
    KilnException notGrouped = assertThrows(KilnException.class, () -> tracks.query()
        .groupBy(Track_.ALBUM_ID).select(Track_.NAME, Aggregate.count()).into((n, c) -> n)
        .list());
    assertTrue(notGrouped.getMessage().contains("must be in groupBy(…) or inside an aggregate"),
        notGrouped.getMessage());
    assertThrows(KilnException.class, () -> tracks.query()
        .having(Aggregate.<dev.kiln.it.chinook.Track>count().gt(1L)).select(Aggregate.count())
        .list());
    assertThrows(KilnException.class, () -> tracks.query().groupBy(Track_.ALBUM_ID).list());
    assertThrows(IllegalArgumentException.class,
        () -> dev.kiln.it.chinook.Album_.TRACKS.then(Track_.NAME));
  }
}
