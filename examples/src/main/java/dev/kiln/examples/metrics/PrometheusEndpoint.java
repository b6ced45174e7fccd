package dev.kiln.examples.metrics;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.Database;
import dev.kiln.examples.quickstart.Author;
import dev.kiln.examples.quickstart.AuthorRepository;
import dev.kiln.examples.quickstart.Book_;
import dev.kiln.examples.quickstart.BookRepository;
import dev.kiln.micrometer.KilnMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Kiln's figures for Prometheus: a database bound to a {@link PrometheusMeterRegistry} through
 * {@link KilnMetrics}, served in Prometheus's text format at {@code /metrics} by the JDK's own
 * HTTP server. Point a Prometheus scrape job at it, and Grafana at Prometheus.
 *
 * <p>Run it with a file and a port ({@code 0} picks a free one):
 * {@code java … PrometheusEndpoint metrics.db 9464}, then {@code curl localhost:9464/metrics}.
 */
public final class PrometheusEndpoint implements AutoCloseable {

  private final Database db;
  private final PrometheusMeterRegistry registry;
  private final HttpServer server;

  /** Opens {@code file}, binds its figures and serves them on {@code port}. */
  public PrometheusEndpoint(Path file, int port) throws IOException {
    this.db = Database.builder(file).entityCache(1_000, Duration.ofMinutes(5))
        .queryCache(1_000, Duration.ofMinutes(1)).build();
    db.migrate();
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new KilnMetrics(db).bindTo(registry);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  /** The port the endpoint listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The database whose figures are served. */
  public Database database() {
    return db;
  }

  /** Some work for the figures to show: writes, finds by key, a cached query. */
  public void work() {
    AuthorRepository authors = new AuthorRepository(db);
    BookRepository books = new BookRepository(db);
    Author ann = authors.insert(new Author(0, "Ann", "ann" + System.nanoTime() + "@example.org",
        Instant.now(), null, java.util.List.of()));
    for (int i = 0; i < 10; i++) {
      authors.findById(ann.id());
      books.query().where(Book_.PRICE.lt(new BigDecimal("20"))).cached().list();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    db.close();
  }

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "metrics.db");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9464;
    PrometheusEndpoint endpoint = new PrometheusEndpoint(file, port);
    endpoint.work();
    Runtime.getRuntime().addShutdownHook(new Thread(endpoint::close));
    System.out.println("Kiln's figures at http://127.0.0.1:" + endpoint.port() + "/metrics");
  }
}
