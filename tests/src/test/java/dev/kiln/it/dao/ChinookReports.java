package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import dev.kiln.it.chinook.Customer;
import dev.kiln.it.chinook.Employee;
import dev.kiln.it.chinook.Invoice;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Report queries over the Chinook sample database, whose tables were written by another tool:
 * {@code @Sql} aggregates read into record and class projections and scalars, and derived finders
 * comparing Chinook's own date-time text and {@code NUMERIC} values.
 */
@Dao
public interface ChinookReports {

  // ---- @Sql reports ---------------------------------------------------------------------------

  @Sql(value = "SELECT c.CustomerId AS customer_id, c.FirstName, c.LastName,"
      + " kiln_decimal_sum(i.Total) AS total_spent"
      + " FROM Customer c JOIN Invoice i ON i.CustomerId = c.CustomerId"
      + " GROUP BY c.CustomerId ORDER BY total_spent COLLATE kiln_decimal DESC, c.CustomerId"
      + " LIMIT :n",
      postgresql = "SELECT c.\"CustomerId\" AS customer_id, c.\"FirstName\", c.\"LastName\","
          + " sum(i.\"Total\") AS total_spent"
          + " FROM \"Customer\" c JOIN \"Invoice\" i ON i.\"CustomerId\" = c.\"CustomerId\""
          + " GROUP BY c.\"CustomerId\" ORDER BY total_spent DESC, c.\"CustomerId\" LIMIT :n")
  List<CustomerSpend> topCustomers(int n);

  @Sql(value = "SELECT BillingCountry AS country, count(*) AS invoices,"
      + " kiln_decimal_sum(Total) AS total"
      + " FROM Invoice GROUP BY BillingCountry ORDER BY total COLLATE kiln_decimal DESC, country",
      postgresql = "SELECT \"BillingCountry\" AS country, count(*) AS invoices,"
          + " sum(\"Total\") AS total FROM \"Invoice\" GROUP BY \"BillingCountry\""
          + " ORDER BY total DESC, country")
  List<CountrySales> salesPerCountry();

  @Sql(value = "SELECT t.GenreId, SUM(il.Quantity) AS sold"
      + " FROM InvoiceLine il JOIN Track t ON t.TrackId = il.TrackId"
      + " GROUP BY t.GenreId ORDER BY sold DESC, t.GenreId LIMIT 1",
      postgresql = "SELECT t.\"GenreId\", SUM(il.\"Quantity\") AS sold"
          + " FROM \"InvoiceLine\" il JOIN \"Track\" t ON t.\"TrackId\" = il.\"TrackId\""
          + " GROUP BY t.\"GenreId\" ORDER BY sold DESC, t.\"GenreId\" LIMIT 1")
  Optional<GenreSales> bestSellingGenre();

  @Sql(value = "SELECT t.TrackId AS track_id, t.Name, SUM(il.Quantity) AS sold,"
      + " ROUND(SUM(il.UnitPrice * il.Quantity), 2) AS revenue"
      + " FROM InvoiceLine il JOIN Track t ON t.TrackId = il.TrackId"
      + " GROUP BY t.TrackId ORDER BY sold DESC, t.TrackId LIMIT :n",
      postgresql = "SELECT t.\"TrackId\" AS track_id, t.\"Name\", SUM(il.\"Quantity\") AS sold,"
          + " ROUND(SUM(il.\"UnitPrice\" * il.\"Quantity\"), 2) AS revenue"
          + " FROM \"InvoiceLine\" il JOIN \"Track\" t ON t.\"TrackId\" = il.\"TrackId\""
          + " GROUP BY t.\"TrackId\" ORDER BY sold DESC, t.\"TrackId\" LIMIT :n")
  Stream<TrackSales> bestSellingTracks(int n);

  @Sql(value = "SELECT ar.Name AS artist, count(al.AlbumId) AS albums"
      + " FROM Artist ar JOIN Album al ON al.ArtistId = ar.ArtistId"
      + " GROUP BY ar.ArtistId ORDER BY albums DESC, ar.Name LIMIT :n",
      postgresql = "SELECT ar.\"Name\" AS artist, count(al.\"AlbumId\") AS albums"
          + " FROM \"Artist\" ar JOIN \"Album\" al ON al.\"ArtistId\" = ar.\"ArtistId\""
          + " GROUP BY ar.\"ArtistId\" ORDER BY albums DESC, ar.\"Name\" LIMIT :n")
  List<ArtistAlbums> albumsPerArtist(int n);

  @Sql(value = "SELECT e.EmployeeId AS employee_id, e.FirstName || ' ' || e.LastName AS name,"
      + " e.Title, count(c.CustomerId) AS customers"
      + " FROM Employee e LEFT JOIN Customer c ON c.SupportRepId = e.EmployeeId"
      + " GROUP BY e.EmployeeId ORDER BY customers DESC, e.EmployeeId",
      postgresql = "SELECT e.\"EmployeeId\" AS employee_id,"
          + " e.\"FirstName\" || ' ' || e.\"LastName\" AS name, e.\"Title\","
          + " count(c.\"CustomerId\") AS customers FROM \"Employee\" e"
          + " LEFT JOIN \"Customer\" c ON c.\"SupportRepId\" = e.\"EmployeeId\""
          + " GROUP BY e.\"EmployeeId\" ORDER BY customers DESC, e.\"EmployeeId\"")
  List<EmployeeCustomers> customersPerEmployee();

  @Sql(value = "SELECT count(*) FROM Invoice", postgresql = "SELECT count(*) FROM \"Invoice\"")
  long invoiceCount();

  @Sql(value = "SELECT kiln_decimal_sum(Total) FROM Invoice",
      postgresql = "SELECT sum(\"Total\") FROM \"Invoice\"")
  BigDecimal totalSales();

  /** Empty for a customer without invoices: the sum of no rows is NULL. */
  @Sql(value = "SELECT kiln_decimal_sum(Total) FROM Invoice WHERE CustomerId = :customerId",
      postgresql = "SELECT sum(\"Total\") FROM \"Invoice\" WHERE \"CustomerId\" = :customerId")
  Optional<BigDecimal> spentBy(long customerId);

  // ---- derived finders ------------------------------------------------------------------------

  @AllowScan("a report over a year of invoices")
  List<Invoice> findByInvoiceDateBetweenOrderByInvoiceDateAscIdAsc(LocalDateTime from,
      LocalDateTime to);

  @AllowScan("a report over every invoice")
  List<Invoice> findTop3ByTotalGreaterThanEqualOrderByTotalDescIdAsc(BigDecimal min);

  @AllowScan("59 customers")
  long countCustomersByCountry(String country);

  @AllowScan("59 customers")
  List<Customer> findByCountryInOrderByLastNameAscFirstNameAsc(Collection<String> countries);

  List<Employee> findByReportsToOrderByLastName(Long manager);

  List<Employee> findByReportsToIsNull();

  /** A customer's spending, with the customer's name. */
  record CustomerSpend(long customerId, String firstName, String lastName, BigDecimal totalSpent) {}

  /** Invoices and their total per billing country. */
  record CountrySales(@Nullable String country, long invoices, BigDecimal total) {}

  /** Units sold of one genre. */
  record GenreSales(long genreId, long sold) {}

  /** Units sold of one track and what they brought in. */
  record TrackSales(long trackId, String name, long sold, BigDecimal revenue) {}

  /** The number of albums of an artist. */
  record ArtistAlbums(String artist, long albums) {}

  /** An employee and the number of customers they support: a class projection. */
  final class EmployeeCustomers {
    private final long employeeId;
    private final String name;
    private final @Nullable String title;
    private final long customers;

    public EmployeeCustomers(long employeeId, String name, @Nullable String title,
        long customers) {
      this.employeeId = employeeId;
      this.name = name;
      this.title = title;
      this.customers = customers;
    }

    public long employeeId() {
      return employeeId;
    }

    public String name() {
      return name;
    }

    public @Nullable String title() {
      return title;
    }

    public long customers() {
      return customers;
    }
  }
}
