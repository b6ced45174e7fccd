package dev.kiln.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.Database;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KilnMetrics} on a real SQLite file: statement timers with their counts and ordered
 * percentiles, tagged by statement name; cache, transaction, pool and health meters; HikariCP's
 * own; and the whole lot in Prometheus's text format.
 */
class KilnMetricsTest {

  @TempDir Path dir;
  Database db;
  NoteRepository notes;

  @BeforeEach
  void open() {
    db = Database.builder(dir.resolve("metrics.db"))
        .entityCache(100, Duration.ofMinutes(1)).queryCache(100, Duration.ofMinutes(1)).build();
    db.migrate();
    notes = new NoteRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  /** Some work: 3 inserts, 5 finds by key (1 from the database), 4 cached queries (1 ran). */
  private long work() {
    long id = notes.insert(new Note(0, "first")).id();
    notes.insert(new Note(0, "second"));
    notes.insert(new Note(0, "third"));
    for (int i = 0; i < 5; i++) {
      notes.findById(id);
    }
    for (int i = 0; i < 4; i++) {
      notes.query().where(Note_.BODY.startsWith("f")).cached().list();
    }
    db.transaction(() -> notes.insert(new Note(0, "fourth")));
    return id;
  }

  @Test
  void statementsAreTimedAndTaggedByName() throws InterruptedException {
    MeterRegistry registry = new SimpleMeterRegistry();
    work(); // statements run before binding are registered too
    new KilnMetrics(db, Tags.of("db", "notes")).bindTo(registry);
    notes.findById(1);
    notes.count();

    FunctionTimer find = registry.get("kiln.statement").tag("statement", "NoteRepository.findById")
        .tag("db", "notes").functionTimer();
    assertEquals(1, find.count(), "the entity cache answered the others");
    assertTrue(find.totalTime(TimeUnit.NANOSECONDS) > 0);
    FunctionTimer count = registry.get("kiln.statement").tag("statement", "NoteRepository.count")
        .functionTimer();
    assertEquals(1, count.count(), "a statement first run after binding");

    FunctionTimer inserts = registry.get("kiln.statement")
        .tag("statement", "NoteRepository.insert (generated key)").functionTimer();
    assertEquals(4, inserts.count());
    double p50 = percentile(registry, "NoteRepository.insert (generated key)", "0.5");
    double p95 = percentile(registry, "NoteRepository.insert (generated key)", "0.95");
    double p99 = percentile(registry, "NoteRepository.insert (generated key)", "0.99");
    double max = registry.get("kiln.statement.max")
        .tag("statement", "NoteRepository.insert (generated key)").timeGauge()
        .value(TimeUnit.NANOSECONDS);
    assertTrue(0 < p50 && p50 <= p95 && p95 <= p99 && p99 <= max * 1.001,
        p50 + " " + p95 + " " + p99 + " " + max);
    assertEquals(4, notes.findAll().size());
    Thread.sleep(300); // the meters above read a snapshot that is fresh for 250 ms
    assertEquals(4, registry.get("kiln.statement.rows").tag("statement", "NoteRepository.findAll")
        .functionCounter().count(), "rows read");
  }

  private static double percentile(MeterRegistry registry, String statement, String phi) {
    return registry.get("kiln.statement.percentile").tag("statement", statement).tag("phi", phi)
        .timeGauge().value(TimeUnit.NANOSECONDS);
  }

  @Test
  void cachesTransactionsPoolAndHealthAreMeters() {
    MeterRegistry registry = new SimpleMeterRegistry();
    new KilnMetrics(db).bindTo(registry);
    work();

    assertEquals(4, gets(registry, "entity", "hit"));
    assertEquals(1, gets(registry, "entity", "miss"));
    assertEquals(3, gets(registry, "query", "hit"));
    assertEquals(1, gets(registry, "query", "miss"));
    assertEquals(3, registry.get("kiln.statement.cache.gets").tag("result", "hit")
        .functionCounter().count());
    assertTrue(registry.get("kiln.transactions").tag("result", "commit").functionCounter()
        .count() >= 1);
    assertTrue(registry.get("kiln.pool.connections.max").gauge().value() >= 1);
    double utilisation = registry.get("kiln.pool.utilization").gauge().value();
    assertTrue(utilisation >= 0 && utilisation <= 1);
    assertEquals(1.0, registry.get("kiln.health").gauge().value());
    assertEquals(1.0, registry.get("kiln.health.check").tag("check", "connection").gauge()
        .value());
    assertFalse(registry.find("hikaricp.connections.max").gauges().isEmpty(),
        "HikariCP's own meters");
  }

  private static double gets(MeterRegistry registry, String cache, String result) {
    return registry.get("kiln.cache.gets").tag("cache", cache).tag("result", result)
        .functionCounter().count();
  }

  @Test
  void prometheusScrapesEveryFigure() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new KilnMetrics(db).bindTo(registry);
    work();
    String text = registry.scrape();
    assertTrue(text.contains("kiln_statement_seconds_count{sql=\""), text);
    assertTrue(text.contains("statement=\"NoteRepository.findById\""), text);
    assertTrue(text.contains("kiln_statement_percentile_seconds{phi=\"0.99\""), text);
    assertTrue(text.contains("kiln_cache_gets_total{cache=\"query\",result=\"hit\"} 3"), text);
    assertTrue(text.contains("kiln_health 1"), text);
  }

  @Test
  void aClosedDatabaseReportsDown() throws InterruptedException {
    MeterRegistry registry = new SimpleMeterRegistry();
    new KilnMetrics(db).bindTo(registry);
    db.close();
    Thread.sleep(300); // past the snapshot's quarter of a second
    assertEquals(0.0, registry.get("kiln.health").gauge().value());
  }
}
