package readme.engines;

import dev.kiln.Database;

/** The README's snippet of opening a PostgreSQL database. */
final class OnPostgres {

  private OnPostgres() {}

  static void open() {
    Database db = Database.builder("jdbc:postgresql://db.internal:5432/app?user=app")
        .poolSize(20)                                 // connections to the server (default 10)
        .build();
    db.migrate();                                     // creates the compiled-in schema where missing
    db.dialect();                                     // Dialect.POSTGRESQL
  }
}
