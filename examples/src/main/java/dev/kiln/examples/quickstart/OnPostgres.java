package dev.kiln.examples.quickstart;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;

/**
 * The quickstart on PostgreSQL, with nothing installed: starts a PostgreSQL server from Maven
 * Central's embedded binaries, its data in {@code examples/target/quickstart-postgresql} (so a
 * second run finds the data of the first), and runs {@link Quickstart} on it.
 *
 * <p>Run it with {@code mvn -q -DskipTests -Pquickstart-postgresql verify}. An application of
 * your own passes its server's URL to {@code Database.open} instead.
 */
public final class OnPostgres {

  private OnPostgres() {}

  public static void main(String[] args) throws IOException {
    File data = new File(args.length > 0 ? args[0] : "quickstart-postgresql");
    try (EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .start()) {
      Quickstart.main(new String[] {server.getJdbcUrl("postgres", "postgres")});
    }
  }
}
