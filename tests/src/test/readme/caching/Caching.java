package readme.caching;

import dev.kiln.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/** The README's caching snippets. */
final class Caching {

  private Caching() {}

  static Database open(Path file) {
    Database db = Database.builder(file)
        .entityCache(10_000, Duration.ofMinutes(5))
        .queryCache(1_000, Duration.ofMinutes(1))
        .build();
    return db;
  }

  static void cheap(BookRepository books, BigDecimal ten) {
    books.query().where(Book_.PRICE.lt(ten)).cached().list();   // also first(), count(), select(…), fetch(…)
  }
}
