package dev.kiln.examples.quickstart;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The queries the application needs beyond the repositories: Kiln implements them at compile
 * time ({@code Catalog_Impl}) and checks each against the schema and its query plan.
 */
@Dao
public interface Catalog {

  /** A derived finder: the name is the query. */
  Optional<Author> findByEmail(String email);

  /**
   * Books in a price range, dearest first; decimals compare as numbers. The build's plan check
   * sees this read the whole table; a catalogue this small makes that the right plan.
   */
  @AllowScan("a few books")
  List<Book> findByPriceBetweenOrderByPriceDesc(BigDecimal low, BigDecimal high);

  /**
   * Hand-written SQL, verified at build time, read into a record by column name. SQLite's sum
   * adds doubles; kiln_decimal_sum adds the exact decimals (10.50 + 12.00 = 22.50), and the
   * kiln_decimal collation orders its decimal text as numbers. PostgreSQL's numeric sum is exact
   * already, so it gets its own, plainer text.
   */
  @Sql(value = "SELECT a.name AS author, count(b.id) AS books,"
      + " kiln_decimal_sum(b.price) AS total_price"
      + " FROM author a JOIN book b ON b.author_id = a.id"
      + " GROUP BY a.id ORDER BY total_price COLLATE kiln_decimal DESC",
      postgresql = "SELECT a.name AS author, count(b.id) AS books, sum(b.price) AS total_price"
          + " FROM author a JOIN book b ON b.author_id = a.id"
          + " GROUP BY a.id ORDER BY total_price DESC")
  List<Shelf> shelves();

  /** One row per author: how many books and what they cost together. */
  record Shelf(String author, long books, BigDecimal totalPrice) {}
}
