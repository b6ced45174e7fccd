package dev.kiln.it;

import dev.kiln.Database;
import dev.kiln.DatabaseBuilder;
import java.nio.file.Path;

/** Opens migrated databases on real files for tests. */
final class TestDatabase {

  private TestDatabase() {}

  /** A new database file in {@code dir}, with the compiled-in schema created. */
  static Database open(Path dir) {
    dir.toFile().mkdirs();
    return open(Database.builder(dir.resolve("test.db")));
  }

  /** {@code builder}'s database, with the compiled-in schema created. */
  static Database open(DatabaseBuilder builder) {
    Database db = builder.build();
    db.migrate();
    return db;
  }
}
