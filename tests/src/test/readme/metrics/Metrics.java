package readme.metrics;

import dev.kiln.Database;
import dev.kiln.micrometer.KilnMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/** The README's metrics snippet. */
final class Metrics {

  private Metrics() {}

  static void bind(Database db, MeterRegistry registry) {
    new KilnMetrics(db).bindTo(registry);
  }
}
