package readme.relations;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The README's {@code @Dao} snippet (the README shows it without the scan allowance). */
@AllowScan("the README's example searches titles and compares prices, which no index serves")
@Dao
public interface Catalog {
  Optional<Author> findByEmail(String email);                       // derived from the name
  List<Book> findTop3ByTitleContainingIgnoreCaseOrderByPriceDesc(String word);
  long countBooksByPriceGreaterThan(BigDecimal price);              // the subject names the entity

  @Sql("SELECT a.name AS author, count(b.id) AS books FROM author a"
      + " JOIN book b ON b.author_id = a.id GROUP BY a.id ORDER BY books DESC LIMIT :n")
  List<Shelf> biggestShelves(int n);                                // a record, matched by name

  @Sql("UPDATE book SET price = :price WHERE id IN (:ids)")          // collections expand
  int reprice(BigDecimal price, List<Long> ids);                    // evicts cached books

  record Shelf(String author, long books) {}
}
