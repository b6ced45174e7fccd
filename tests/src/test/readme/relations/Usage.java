package readme.relations;

import dev.kiln.Database;
import java.util.List;
import java.util.Optional;

/** The README's snippets that use the relations and the {@code @Dao}. */
final class Usage {

  private Usage() {}

  static void fetch(AuthorRepository authors) {
    List<Author> graph = authors.fetch(Author_.BOOKS.then(Book_.REVIEWS)).findAll();
    Optional<Author> one = authors.fetch(Author_.BOOKS).findById(7);
    List<Author> page = authors.query().where(Author_.NAME.startsWith("A"))
        .orderBy(Author_.NAME.asc()).limit(20).fetch(Author_.BOOKS).list();
  }

  static Catalog catalog(Database db) {
    Catalog catalog = new Catalog_Impl(db);
    return catalog;
  }
}
