package dev.kiln.examples.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus example, scraped once over HTTP as Prometheus would. */
class PrometheusEndpointTest {

  @TempDir Path dir;

  @Test
  void servesKilnsFiguresInPrometheusTextFormat() throws Exception {
    try (PrometheusEndpoint endpoint = new PrometheusEndpoint(dir.resolve("metrics.db"), 0)) {
      endpoint.work();
      Thread.sleep(300); // the meters read a snapshot that is fresh for 250 ms
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
              .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      String text = response.body();
      assertTrue(text.contains("statement=\"AuthorRepository.insert (generated key)\""), text);
      assertTrue(text.contains("kiln_cache_gets_total{cache=\"entity\",result=\"hit\"} 9"), text);
      assertTrue(text.contains("kiln_cache_gets_total{cache=\"query\",result=\"hit\"} 9"), text);
      assertTrue(text.contains("kiln_health 1"), text);
      assertTrue(text.contains("hikaricp_connections_max"), text);
    }
  }
}
