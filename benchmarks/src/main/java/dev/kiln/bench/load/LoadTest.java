package dev.kiln.bench.load;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.contenders.Contenders;
import dev.kiln.bench.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A load test: {@code clients} threads run the {@link Operation} mix against one contender on a
 * fresh copy of the data set for a fixed time, each recording every call's latency per operation
 * in a histogram of its own; the report gives throughput, errors, and p50 / p95 / p99 / max per
 * operation. Run Kiln and hand-written JDBC one after the other on the same machine, with the same
 * pool size (the number of cores), to compare them.
 *
 * <pre>
 * java -cp benchmarks/target/kiln-benchmarks.jar dev.kiln.bench.load.LoadTest \
 *     --contenders=jdbc,kiln,jdbc-pg,kiln-pg --clients=1,8,64 --seconds=20 --out=docs/loadtest.md
 * </pre>
 */
public final class LoadTest {

  private LoadTest() {}

  /**
   * What one run measured.
   *
   * @param contender who ran it
   * @param clients how many threads
   * @param seconds how long they ran, after the warm-up
   * @param latencies per operation, in nanoseconds
   * @param errors calls that threw
   * @param firstError the first of them, or null
   */
  public record Result(String contender, int clients, double seconds,
      Map<Operation, Histogram> latencies, long errors, String firstError) {

    /** Calls per second, all operations together. */
    public double throughput() {
      return latencies.values().stream().mapToLong(Histogram::getTotalCount).sum() / seconds;
    }

    /** The calls of {@code op} that completed. */
    public long calls(Operation op) {
      return latencies.get(op).getTotalCount();
    }
  }

  /**
   * Runs {@code contender} with {@code clients} threads for {@code warmUp} unrecorded, then
   * {@code measured}, on a fresh copy of the data set.
   */
  public static Result run(String contender, int clients, Duration warmUp, Duration measured)
      throws Exception {
    Path dir = Files.createTempDirectory("kiln-load");
    try (Contender<Object, Object> c = Contenders.openFresh(contender, dir)) {
      if (!warmUp.isZero()) {
        drive(c, clients, warmUp);
      }
      return drive(c, clients, measured).named(contender, clients);
    } finally {
      DataSet.deleteTree(dir);
    }
  }

  /** The figures of one drive, before they are named. */
  private record Drive(double seconds, Map<Operation, Histogram> latencies, long errors,
      String firstError) {
    Result named(String contender, int clients) {
      return new Result(contender, clients, seconds, latencies, errors, firstError);
    }
  }

  private static Drive drive(Contender<Object, Object> c, int clients, Duration length)
      throws Exception {
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + length.toNanos();
    List<Future<Map<Operation, Histogram>>> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      threads.add(pool.submit(() -> {
        Map<Operation, Histogram> mine = histograms();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
          Operation op = Operation.draw(random);
          long began = System.nanoTime();
          try {
            op.run(c, random);
            mine.get(op).recordValue(System.nanoTime() - began);
          } catch (RuntimeException | AssertionError e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, op + ": " + e);
          }
        }
        return mine;
      }));
    }
    Map<Operation, Histogram> all = histograms();
    try {
      for (Future<Map<Operation, Histogram>> thread : threads) {
        thread.get(length.toMillis() + 60_000, TimeUnit.MILLISECONDS)
            .forEach((op, h) -> all.get(op).add(h));
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Drive(seconds, all, errors.get(), firstError.get());
  }

  private static Map<Operation, Histogram> histograms() {
    Map<Operation, Histogram> map = new EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      map.put(op, new Histogram(TimeUnit.MINUTES.toNanos(1), 3));
    }
    return map;
  }

  /** The results as a Markdown table: one row per contender, client count and operation. */
  public static String table(List<Result> results) {
    StringBuilder out = new StringBuilder();
    out.append("| contender | clients | ops/s (all) | errors | operation | calls | p50 ms |"
        + " p95 ms | p99 ms | max ms |\n");
    out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      for (Operation op : Operation.values()) {
        Histogram h = r.latencies().get(op);
        out.append(String.format(Locale.ROOT,
            "| %s | %d | %s | %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
            r.contender(), r.clients(),
            op == Operation.FIND ? String.format(Locale.ROOT, "%,.0f", r.throughput()) : "",
            op == Operation.FIND ? String.valueOf(r.errors()) : "",
            op.name().toLowerCase(Locale.ROOT), h.getTotalCount(),
            h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(95) / 1e6,
            h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6));
      }
    }
    return out.toString();
  }

  public static void main(String[] args) throws Exception {
    List<String> contenders = List.of("jdbc", "kiln");
    List<Integer> clients = List.of(1, 8, 64);
    Duration seconds = Duration.ofSeconds(20);
    Duration warmUp = Duration.ofSeconds(5);
    Path out = null;
    for (String arg : args) {
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("--contenders=")) {
        contenders = List.of(value.split(","));
      } else if (arg.startsWith("--clients=")) {
        clients = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
      } else if (arg.startsWith("--seconds=")) {
        seconds = Duration.ofSeconds(Long.parseLong(value));
      } else if (arg.startsWith("--warmup=")) {
        warmUp = Duration.ofSeconds(Long.parseLong(value));
      } else if (arg.startsWith("--out=")) {
        out = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown argument " + arg + "; see the class comment");
      }
    }
    List<Result> results = new ArrayList<>();
    for (int n : clients) {
      for (String contender : contenders) {
        Result r = run(contender, n, warmUp, seconds);
        System.out.printf(Locale.ROOT, "%-10s %3d clients: %,10.0f ops/s, %d errors%s%n",
            contender, n, r.throughput(), r.errors(),
            r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
        results.add(r);
      }
    }
    String table = table(results);
    System.out.print(table);
    if (out != null) {
      Path chart = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "")
          + ".png");
      LoadChart.write(results, chart);
      write(out, table, seconds, warmUp, chart.getFileName().toString());
    }
  }

  private static void write(Path out, String table, Duration seconds, Duration warmUp,
      String chart) throws IOException {
    String cpu = Runtime.getRuntime().availableProcessors() + " cores";
    Files.writeString(out, "# Load test\n\n"
        + "Produced by `benchmarks/loadtest.sh` (`dev.kiln.bench.load.LoadTest`): each contender"
        + " on a fresh copy of the benchmark data set (10,000 authors, 100,000 books), " + cpu
        + ", " + warmUp.toSeconds() + " s of warm-up then " + seconds.toSeconds() + " s measured"
        + " per row. The mix, per 100 calls: 50 finds by key, 20 pages of 20 authors, 10 fetch"
        + " plans of 10 authors with their books, 10 updates of one book in autocommit, 10"
        + " inserts of 3 books in one transaction. Latencies are per call, from each client's"
        + " own histogram (HdrHistogram), in milliseconds.\n\n![throughput](" + chart + ")\n\n"
        + table);
  }
}
