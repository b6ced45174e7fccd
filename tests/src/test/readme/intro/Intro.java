package readme.intro;

import dev.kiln.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The README's first snippet: using the entity. */
final class Intro {

  private Intro() {}

  static void run() {
    try (Database db = Database.open(Path.of("app.db"))) {
      db.migrate();                                   // apply pending migrations, check the schema
      var authors = new AuthorRepository(db);         // generated
      Author ann = authors.insert(new Author(0, "Ann", "ann@example.org", Instant.now(), null));
      List<Author> found = authors.query()
          .where(Author_.NAME.startsWith("A"))        // Author_ is the generated metamodel
          .orderBy(Author_.JOINED_AT.desc())
          .limit(20)
          .list();
      db.transaction(() -> authors.update(ann.withBio("…")));
    }
  }
}
