package dev.kiln.it.dao;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Dao;
import dev.kiln.annotations.Sql;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.Book;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A first DAO: a derived finder and an @Sql projection over the Author/Book test entities. */
@Dao
public interface ShopQueries {
  Optional<Author> findByEmail(String email);

  @AllowScan("a decimal compares as CAST(price AS NUMERIC), which no index on price serves")
  List<Book> findByPriceGreaterThanOrderByPriceDesc(BigDecimal min);

  @AllowScan("LIKE ignores ASCII case, so a binary index on title could not serve it")
  long countBooksByTitleStartingWith(String prefix);

  @Sql("SELECT a.name AS name, COUNT(b.id) AS books "
      + "FROM author a JOIN book b ON b.author_id = a.id "
      + "GROUP BY a.id ORDER BY books DESC, a.name LIMIT :n")
  List<AuthorBooks> mostBooks(int n);

  @Sql("UPDATE book SET price = :price WHERE author_id IN (:authors)")
  int reprice(BigDecimal price, List<Long> authors);

  record AuthorBooks(String name, long books) {}
}
