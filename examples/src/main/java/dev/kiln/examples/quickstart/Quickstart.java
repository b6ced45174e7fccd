package dev.kiln.examples.quickstart;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import dev.kiln.OptimisticLockException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Kiln in one page: open a database, create or migrate its schema at start-up, and work with the
 * generated repositories, typed queries, fetch plans and a {@code @Dao}.
 *
 * <p>Run it with {@code mvn -q -DskipTests -Pquickstart verify} from the project root; it keeps
 * its data in {@code examples/target/quickstart.db}, so a second run finds the data of the first.
 * Given a {@code jdbc:postgresql:} URL instead of a file, the same code runs on PostgreSQL
 * ({@link OnPostgres} starts one for it).
 */
public final class Quickstart {

  public static void main(String[] args) {
    String where = args.length > 0 ? args[0] : "quickstart.db";
    DatabaseBuilder builder = where.startsWith("jdbc:") ? Database.builder(where)
        : Database.builder(Path.of(where));
    try (Database db = builder.entityCache(10_000, Duration.ofMinutes(10)).build()) {
      System.out.println("engine: " + db.dialect());
      System.out.println("schema: " + db.migrate().applied());

      AuthorRepository authors = new AuthorRepository(db);
      BookRepository books = new BookRepository(db);
      if (authors.count() == 0) {
        seed(db, authors, books);
      }

      List<Book> cheap = books.query()
          .where(Book_.PRICE.lt(new BigDecimal("20")))
          .orderBy(Book_.PRICE.asc())
          .list();
      System.out.println("under 20, cheapest first:");
      cheap.forEach(b -> System.out.println("  " + b.price() + "  " + b.title()));

      Catalog catalog = new Catalog_Impl(db);
      Author ursula = catalog.findByEmail("ursula@example.org").orElseThrow();
      System.out.println("found " + ursula.name() + " (id " + ursula.id() + ")");
      authors.update(ursula.withBio("Wrote of Earthsea and of Anarres."));
      System.out.println("bio now: " + authors.findById(ursula.id()).orElseThrow().bio());

      Book first = books.query().orderBy(Book_.PUBLISHED.asc()).first().orElseThrow();
      Book repriced = books.update(first.withPrice(first.price().add(BigDecimal.ONE)));
      try {
        books.update(first.withPrice(BigDecimal.ZERO)); // a stale copy: version is behind
      } catch (OptimisticLockException e) {
        System.out.println("stale update refused: " + e.getMessage());
      }
      System.out.println(repriced.title() + " now costs " + repriced.price()
          + " (version " + repriced.version() + ")");
      long before = db.stats().statementsExecuted();
      List<Author> graph = authors.fetch(Author_.BOOKS).findAll();
      System.out.println("authors with their books, in "
          + (db.stats().statementsExecuted() - before) + " statements:");
      graph.forEach(a -> System.out.println("  " + a.name() + ": "
          + a.books().stream().map(Book::title).toList()));

      System.out.println("shelves:");
      catalog.shelves().forEach(s -> System.out.println("  " + s.author() + " — " + s.books()
          + " books, " + s.totalPrice()));
      System.out.println("between 10 and 20: " + catalog.findByPriceBetweenOrderByPriceDesc(
          BigDecimal.TEN, new BigDecimal("20")).stream().map(Book::title).toList());

      System.out.println("statements run: " + db.stats().statementsExecuted()
          + ", cache hits: " + db.stats().cacheHits());
    }
  }

  private static void seed(Database db, AuthorRepository authors, BookRepository books) {
    db.transaction(() -> {
      Author ursula = authors.insert(new Author(0, "Ursula K. Le Guin", "ursula@example.org",
          now(), null, null));
      Author italo = authors.insert(new Author(0, "Italo Calvino", "italo@example.org",
          now(), null, null));
      books.insertAll(List.of(
          new Book(ursula.id(), "A Wizard of Earthsea", new BigDecimal("9.50"),
              LocalDate.of(1968, 11, 1)),
          new Book(ursula.id(), "The Dispossessed", new BigDecimal("12.00"),
              LocalDate.of(1974, 5, 1)),
          new Book(italo.id(), "Invisible Cities", new BigDecimal("100.25"),
              LocalDate.of(1972, 1, 1)),
          new Book(italo.id(), "If on a Winter's Night a Traveler", new BigDecimal("10"),
              LocalDate.of(1979, 1, 1))));
    });
    System.out.println("seeded " + authors.count() + " authors and " + books.count() + " books");
  }

  /** Now, to the microsecond: as precise as PostgreSQL keeps time (SQLite would keep more). */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
