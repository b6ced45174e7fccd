package readme.engines;

import dev.kiln.Database;

/** The README's snippet of a database with read replicas. */
final class WithReplicas {

  private WithReplicas() {}

  static Database open() {
    Database db = Database.builder("jdbc:postgresql://primary:5432/app?user=app")
        .readReplicas("jdbc:postgresql://replica-1:5432/app?user=app",
            "jdbc:postgresql://replica-2:5432/app?user=app")
        .build();
    return db;
  }
}
