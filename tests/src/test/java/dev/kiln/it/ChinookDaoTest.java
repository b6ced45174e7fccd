package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.it.chinook.Customer;
import dev.kiln.it.chinook.Employee;
import dev.kiln.it.chinook.Invoice;
import dev.kiln.it.dao.ChinookReports;
import dev.kiln.it.dao.ChinookReports.ArtistAlbums;
import dev.kiln.it.dao.ChinookReports.CountrySales;
import dev.kiln.it.dao.ChinookReports.CustomerSpend;
import dev.kiln.it.dao.ChinookReports.EmployeeCustomers;
import dev.kiln.it.dao.ChinookReports.GenreSales;
import dev.kiln.it.dao.ChinookReports.TrackSales;
import dev.kiln.it.dao.ChinookReports_Impl;
import dev.kiln.it.dao.CustomerCounts_Impl;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Dao} of report queries over the real Chinook data answers correctly. Each answer is
 * checked against one computed independently: from the raw rows, read with plain JDBC and
 * aggregated in Java with exact decimals, and against well-known Chinook facts (412 invoices,
 * 2328.60 in sales, Helena Holý the best customer, Rock the best-selling genre, Iron Maiden the
 * artist with most albums).
 */
@Tag("engines")
class ChinookDaoTest extends ChinookFixture {

  static ChinookReports reports;

  @BeforeAll
  static void load() {
    reports = new ChinookReports_Impl(db);
  }

  private static Map<String, String> lookup(String sql) {
    Map<String, String> map = new HashMap<>();
    for (String[] row : rows(sql)) {
      map.put(row[0], row[1]);
    }
    return map;
  }

  private static BigDecimal cents(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }

  @Test
  void wellKnownTotals() {
    assertEquals(412L, reports.invoiceCount());
    // kiln_decimal_sum adds the prices as decimals: exactly, scale kept, no rounding needed.
    assertEquals(new BigDecimal("2328.60"), reports.totalSales());
    BigDecimal sum = rows("SELECT Total FROM Invoice").stream()
        .map(r -> new BigDecimal(r[0])).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(sum, reports.totalSales());
  }

  @Test
  void topFiveCustomersByTotalSpent() {
    Map<String, BigDecimal> spent = new HashMap<>();
    for (String[] row : rows("SELECT CustomerId, Total FROM Invoice")) {
      spent.merge(row[0], new BigDecimal(row[1]), BigDecimal::add);
    }
    Map<String, String[]> names = new HashMap<>();
    rows("SELECT CustomerId, FirstName, LastName FROM Customer").forEach(r -> names.put(r[0], r));
    List<String> expected = spent.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getValue())
            .reversed().thenComparing(e -> Long.parseLong(e.getKey())))
        .limit(5)
        .map(e -> e.getKey() + " " + names.get(e.getKey())[1] + " " + names.get(e.getKey())[2]
            + " " + cents(e.getValue()))
        .toList();
    List<CustomerSpend> top = reports.topCustomers(5);
    assertEquals(expected, top.stream().map(c -> c.customerId() + " " + c.firstName() + " "
        + c.lastName() + " " + cents(c.totalSpent())).toList());
    assertEquals("Helena Holý 49.62", top.get(0).firstName() + " " + top.get(0).lastName() + " "
        + cents(top.get(0).totalSpent()));
  }

  @Test
  void salesPerCountry() {
    Map<String, Long> invoices = new HashMap<>();
    Map<String, BigDecimal> totals = new HashMap<>();
    for (String[] row : rows("SELECT BillingCountry, Total FROM Invoice")) {
      invoices.merge(row[0], 1L, Long::sum);
      totals.merge(row[0], new BigDecimal(row[1]), BigDecimal::add);
    }
    List<String> expected = totals.keySet().stream()
        .sorted(Comparator.comparing((String c) -> totals.get(c)).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .map(c -> c + " " + invoices.get(c) + " " + cents(totals.get(c)))
        .toList();
    List<CountrySales> sales = reports.salesPerCountry();
    assertEquals(expected, sales.stream()
        .map(s -> s.country() + " " + s.invoices() + " " + cents(s.total())).toList());
    assertEquals("USA 91 523.06", expected.get(0));
    assertEquals(412L, sales.stream().mapToLong(CountrySales::invoices).sum());
  }

  @Test
  void bestSellingGenre() {
    Map<String, String> genreOfTrack = lookup("SELECT TrackId, GenreId FROM Track");
    Map<String, Long> sold = new HashMap<>();
    for (String[] row : rows("SELECT TrackId, Quantity FROM InvoiceLine")) {
      sold.merge(genreOfTrack.get(row[0]), Long.parseLong(row[1]), Long::sum);
    }
    Map.Entry<String, Long> best = sold.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue()
            .thenComparing(e -> -Long.parseLong(e.getKey())))
        .orElseThrow();
    GenreSales genre = reports.bestSellingGenre().orElseThrow();
    assertEquals(Long.parseLong(best.getKey()), genre.genreId());
    assertEquals(best.getValue(), genre.sold());
    assertEquals(1L, genre.genreId());
    assertEquals("Rock", lookup("SELECT GenreId, Name FROM Genre")
        .get(Long.toString(genre.genreId())));
  }

  @Test
  void bestSellingTracks() {
    Map<String, String> trackNames = lookup("SELECT TrackId, Name FROM Track");
    Map<String, Long> sold = new HashMap<>();
    Map<String, BigDecimal> revenue = new HashMap<>();
    for (String[] row : rows("SELECT TrackId, Quantity, UnitPrice FROM InvoiceLine")) {
      sold.merge(row[0], Long.parseLong(row[1]), Long::sum);
      revenue.merge(row[0], new BigDecimal(row[2]).multiply(new BigDecimal(row[1])),
          BigDecimal::add);
    }
    List<String> expected = sold.keySet().stream()
        .sorted(Comparator.comparing((String t) -> sold.get(t)).reversed()
            .thenComparing((String t) -> Long.parseLong(t)))
        .limit(10)
        .map(t -> t + " " + trackNames.get(t) + " " + sold.get(t) + " " + cents(revenue.get(t)))
        .toList();
    try (Stream<TrackSales> tracks = reports.bestSellingTracks(10)) {
      assertEquals(expected, tracks.map(t -> t.trackId() + " " + t.name() + " " + t.sold() + " "
          + cents(t.revenue())).toList());
    }
  }

  @Test
  void albumsPerArtist() {
    Map<String, String> artistNames = lookup("SELECT ArtistId, Name FROM Artist");
    Map<String, Long> albums = new HashMap<>();
    for (String[] row : rows("SELECT ArtistId FROM Album")) {
      albums.merge(artistNames.get(row[0]), 1L, Long::sum);
    }
    List<String> expected = albums.keySet().stream()
        .sorted(Comparator.comparing((String a) -> albums.get(a)).reversed()
            .thenComparing(Comparator.naturalOrder()))
        .limit(5)
        .map(a -> a + " " + albums.get(a))
        .toList();
    List<ArtistAlbums> top = reports.albumsPerArtist(5);
    assertEquals(expected, top.stream().map(a -> a.artist() + " " + a.albums()).toList());
    assertEquals("Iron Maiden 21", expected.get(0));
  }

  @Test
  void employeesWithTheirNumberOfCustomers() {
    Map<String, Long> customers = new HashMap<>();
    for (String[] row : rows("SELECT SupportRepId FROM Customer WHERE SupportRepId IS NOT NULL")) {
      customers.merge(row[0], 1L, Long::sum);
    }
    List<String> expected = rows("SELECT EmployeeId, FirstName, LastName, Title FROM Employee")
        .stream()
        .sorted(Comparator.comparing((String[] e) -> customers.getOrDefault(e[0], 0L)).reversed()
            .thenComparing(e -> Long.parseLong(e[0])))
        .map(e -> e[0] + " " + e[1] + " " + e[2] + " (" + e[3] + ") "
            + customers.getOrDefault(e[0], 0L))
        .toList();
    List<EmployeeCustomers> actual = reports.customersPerEmployee();
    assertEquals(expected, actual.stream().map(e -> e.employeeId() + " " + e.name() + " ("
        + e.title() + ") " + e.customers()).toList());
    assertEquals(List.of("Jane Peacock 21", "Margaret Park 20", "Steve Johnson 18"),
        actual.stream().limit(3).map(e -> e.name() + " " + e.customers()).toList());
    assertEquals(59L, actual.stream().mapToLong(EmployeeCustomers::customers).sum());
  }

  @Test
  void spendingOfOneCustomerIsEmptyWithoutInvoices() {
    assertEquals(new BigDecimal("49.62"), reports.spentBy(6).orElseThrow());
    assertEquals(Optional.empty(), reports.spentBy(9_999));
  }

  @Test
  void invoicesOfAYearByDateRange() {
    // Chinook's dates are another tool's text, '2021-01-01 00:00:00'.
    String year = rows("SELECT min(substr(InvoiceDate, 1, 4)) FROM Invoice").get(0)[0];
    List<Long> expected = rows("SELECT InvoiceId, InvoiceDate FROM Invoice").stream()
        .filter(r -> r[1].startsWith(year))
        .sorted(Comparator.comparing((String[] r) -> r[1]).thenComparing(r -> Long.parseLong(r[0])))
        .map(r -> Long.parseLong(r[0]))
        .toList();
    int y = Integer.parseInt(year);
    List<Invoice> invoices = reports.findByInvoiceDateBetweenOrderByInvoiceDateAscIdAsc(
        LocalDateTime.of(y, 1, 1, 0, 0), LocalDateTime.of(y, 12, 31, 23, 59, 59));
    assertEquals(expected, invoices.stream().map(Invoice::id).toList());
    assertEquals(83, invoices.size());
    assertEquals(LocalDateTime.of(y, 1, 1, 0, 0), invoices.get(0).invoiceDate());
  }

  @Test
  void largestInvoicesCompareTheirTotalsAsNumbers() {
    List<Long> expected = rows("SELECT InvoiceId, Total FROM Invoice").stream()
        .sorted(Comparator.comparing((String[] r) -> new BigDecimal(r[1])).reversed()
            .thenComparing(r -> Long.parseLong(r[0])))
        .limit(3)
        .map(r -> Long.parseLong(r[0]))
        .toList();
    List<Invoice> largest =
        reports.findTop3ByTotalGreaterThanEqualOrderByTotalDescIdAsc(new BigDecimal("5"));
    assertEquals(expected, largest.stream().map(Invoice::id).toList());
    assertEquals(List.of(new BigDecimal("25.86"), new BigDecimal("23.86"),
        new BigDecimal("21.86")), largest.stream().map(Invoice::total).toList());
    assertEquals(List.of(), reports.findTop3ByTotalGreaterThanEqualOrderByTotalDescIdAsc(
        new BigDecimal("25.87")));
  }

  @Test
  void customersByCountry() {
    long usa = rows("SELECT Country FROM Customer").stream()
        .filter(r -> "USA".equals(r[0])).count();
    assertEquals(13L, usa);
    assertEquals(usa, reports.countCustomersByCountry("USA"));
    assertEquals(usa, new CustomerCounts_Impl(db).countCustomersByCountry("USA"));
    List<String> expected = rows("SELECT LastName, FirstName, Country FROM Customer").stream()
        .filter(r -> r[2].equals("Norway") || r[2].equals("Sweden") || r[2].equals("Chile"))
        .sorted(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1]))
        .map(r -> r[1] + " " + r[0])
        .toList();
    List<Customer> customers = reports.findByCountryInOrderByLastNameAscFirstNameAsc(
        List.of("Norway", "Sweden", "Chile"));
    assertEquals(expected, customers.stream().map(c -> c.firstName() + " " + c.lastName())
        .toList());
    assertTrue(customers.size() >= 3);
  }

  @Test
  void employeesByManager() {
    assertEquals(List.of("Johnson", "Park", "Peacock"),
        reports.findByReportsToOrderByLastName(2L).stream().map(Employee::lastName).toList());
    assertEquals(List.of("Adams"),
        reports.findByReportsToIsNull().stream().map(Employee::lastName).toList());
  }
}
