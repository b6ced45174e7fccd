package readme.relations;

import dev.kiln.query.Aggregate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The README's snippets of the typed API beyond entity lists. */
final class Reports {

  private Reports() {}

  record NameAndEmail(String name, String email) {}

  record Shelf(String author, long books, BigDecimal value) {}

  static void relations(AuthorRepository authors, BookRepository books) {
    BigDecimal ten = BigDecimal.TEN;
    List<Author> cheap = authors.query()
        .where(Author_.BOOKS.any(Book_.PRICE.lt(ten))).list();       // authors with a book under 10
    List<Author> idle = authors.query().where(Author_.BOOKS.none()).list();
    List<Author> reviewed = authors.query()
        .where(Author_.BOOKS.then(Book_.REVIEWS).any(Review_.STARS.ge(4))).list();
    List<Book> anns = books.query()
        .where(Book_.AUTHOR.any(Author_.NAME.eq("Ann"))).list();    // books whose author is Ann
  }

  static void projections(AuthorRepository authors, BookRepository books) {
    List<NameAndEmail> rows = authors.query().where(Author_.NAME.startsWith("A"))
        .select(Author_.NAME, Author_.EMAIL).into(NameAndEmail::new).list();
    List<String> titles = books.query().orderBy(Book_.TITLE.asc()).select(Book_.TITLE).list();

    var author = Book_.AUTHOR.then(Author_.NAME);                      // a LEFT JOIN
    List<Shelf> shelves = books.query()
        .groupBy(Book_.AUTHOR_ID, author)
        .having(Aggregate.<Book>count().gt(2L))
        .orderBy(Book_.PRICE.sum().desc())
        .select(author, Aggregate.count(), Book_.PRICE.sum()).into(Shelf::new).list();

    BigDecimal total = books.query().where(Book_.AUTHOR_ID.eq(7)).sum(Book_.PRICE);
    Optional<BigDecimal> dearest = books.query().max(Book_.PRICE);
  }

  static void bulk(BookRepository books) {
    long raised = books.query().where(Book_.AUTHOR.any(Author_.NAME.eq("Ann")))
        .update(Book_.PRICE.multiply(new BigDecimal("1.10")));       // exact, on every engine
    long removed = books.query().where(Book_.PRICE.lt(BigDecimal.ONE)).delete();
    long renamed = books.query().everyRow().update(Book_.TITLE.set("Untitled"));
  }

  static void keyset(BookRepository books) {
    List<Book> page = books.query().orderBy(Book_.PRICE.desc()).limit(50).list();
    List<Book> next = books.query().orderBy(Book_.PRICE.desc())
        .after(page.get(page.size() - 1)).limit(50).list();
  }
}
