package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import dev.kiln.it.model.Author;
import dev.kiln.it.model.AuthorRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real read replica on loopback: two PostgreSQL servers, the second subscribed to the first by
 * logical replication (the embedded binaries have no {@code pg_basebackup}, and need none for
 * this). Reads outside a transaction and read transactions land on the replica, transactions on
 * the primary, and a replica going down does not fail reads.
 */
@Tag("postgresql")
class ReadReplicaTest {

  private EmbeddedPostgres primaryServer;
  private EmbeddedPostgres replicaServer;
  private Database db;

  @BeforeEach
  void start() throws Exception {
    primaryServer = EmbeddedPostgres.builder().setServerConfig("wal_level", "logical").start();
    replicaServer = EmbeddedPostgres.builder().start();
    String primary = primaryServer.getJdbcUrl("postgres", "postgres");
    String replica = replicaServer.getJdbcUrl("postgres", "postgres");
    // Both get Kiln's schema; the replica then follows the primary's rows.
    try (Database schema = Database.open(primary)) {
      schema.migrate();
    }
    try (Database schema = Database.open(replica)) {
      schema.migrate();
    }
    execute(primaryServer, "CREATE PUBLICATION kiln FOR ALL TABLES");
    execute(replicaServer, "CREATE SUBSCRIPTION kiln CONNECTION 'host=localhost port="
        + primaryServer.getPort() + " user=postgres dbname=postgres' PUBLICATION kiln");
    db = Database.builder(primary).readReplicas(replica).build();
  }

  @AfterEach
  void stop() throws Exception {
    db.close();
    if (replicaServer != null) {
      replicaServer.close();
    }
    primaryServer.close();
  }

  @Test
  void readsGoToTheReplicaAndTransactionsToThePrimary() throws Exception {
    var authors = new AuthorRepository(db);
    Author ann = db.transaction(() -> authors.insert(author("Ann")));
    // The write reaches the replica a moment later: replication lag.
    assertTrue(eventually(() -> authors.findById(ann.id()).isPresent()),
        "the replica never received the primary's row");

    // A row only the replica has tells where each read ran.
    execute(replicaServer, "INSERT INTO author (id, name, email, created_at)"
        + " VALUES (1000, 'Only on the replica', 'replica@x', '2024-01-01 00:00:00+00')");
    assertTrue(authors.findById(1000).isPresent(), "a read outside a transaction");
    assertTrue(db.readTransaction(() -> authors.findById(1000)).isPresent(),
        "a read transaction");
    assertEquals(Optional.empty(), db.transaction(() -> authors.findById(1000)),
        "a transaction runs wholly on the primary");
    // With an entity cache, what it misses comes from the primary: a lagging replica could
    // otherwise put back a row a write has just evicted.
    try (Database cached = Database.builder(primaryServer.getJdbcUrl("postgres", "postgres"))
        .readReplicas(replicaServer.getJdbcUrl("postgres", "postgres"))
        .entityCache(100, java.time.Duration.ofMinutes(1)).build()) {
      var cachedAuthors = new AuthorRepository(cached);
      assertEquals(Optional.empty(), cachedAuthors.findById(1000));
      assertEquals(ann, cachedAuthors.findById(ann.id()).orElseThrow());
      assertTrue(cachedAuthors.query().where(dev.kiln.it.model.Author_.ID.eq(1000L)).first()
          .isPresent(), "a query still reads from the replica");
    }

    // The replica goes down: reads go on, on the primary.
    replicaServer.close();
    replicaServer = null;
    assertEquals(Optional.empty(), authors.findById(1000));
    assertEquals(ann, authors.findById(ann.id()).orElseThrow());
    assertEquals(1, db.readTransaction(authors::count));
  }

  private static Author author(String name) {
    return new Author(0, name, name.toLowerCase() + "@example.org",
        Instant.parse("2024-01-01T00:00:00Z"), null);
  }

  private static boolean eventually(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
