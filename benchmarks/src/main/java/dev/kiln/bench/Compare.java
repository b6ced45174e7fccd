package dev.kiln.bench;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.contenders.Contenders;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.lean.LeanBench;
import dev.kiln.bench.lean.LeanContender;
import dev.kiln.bench.lean.LeanData;
import dev.kiln.bench.model.AuthorTotals;
import dev.kiln.bench.model.Book;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * A quick A/B check for working on performance on a busy machine. Each contender runs the
 * operation in a JVM of its own (as under JMH: contenders sharing a JVM share the JIT's profiles
 * of sqlite-jdbc and HikariCP, which skews the comparison by 10–15%), several times in turn, and
 * each run counts operations per second of the thread's CPU time as well as of the clock: the
 * CPU rate is not disturbed by time spent waiting for a core, so it compares contenders even while
 * other processes load the machine. Prints each contender's median rates and ratios to the first
 * one, and the bytes each operation allocated. JMH (benchmarks/run.sh) gives the published
 * numbers; this answers "which is faster, by how much" while a change is being made.
 *
 * <pre>java -cp benchmarks/target/kiln-benchmarks.jar dev.kiln.bench.Compare find jdbc kiln</pre>
 *
 * Operations: find, page, eager, nplus1, report, insert, update, and on the lean schema
 * lean-find, lean-eager (1:N), lean-nn (1:N:N) and lean-mn (many-to-many). {@code -Druns=3}, {@code -Drounds=15},
 * {@code -DroundMillis=300} set the JVMs per contender and the timed rounds in each;
 * {@code -Dthreads=2} runs the operation on that many threads at once (each with its own random
 * keys), counting every thread's operations over the clock and over their summed CPU time (its
 * CSV lines name the operation {@code find-2t}); {@code -Dcompare.rounds=true}, given to a child
 * run directly, prints every round's rates, to see how they spread;
 * {@code -Dcompare.csv=file} appends {@code operation,contender,ops/s,ops/cpu-s,bytes/op} lines
 * to {@code file}, which the report shows as its CPU-time check.
 */
public final class Compare {

  private static final com.sun.management.ThreadMXBean CPU =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** How many threads run the operation at once ({@code -Dthreads}). */
  private static final int THREADS = Integer.getInteger("threads", 1);

  private Compare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Compare <find|page|eager|nplus1|report|insert|update|lean-find|lean-eager|lean-nn"
          + "|lean-mn> <contender>...");
      System.exit(2);
    }
    if (Boolean.getBoolean("compare.child")) {
      child(args[0], args[1]);
      return;
    }
    List<String> names = Arrays.asList(args).subList(1, args.length);
    int runs = Integer.getInteger("runs", 3);
    Map<String, List<double[]>> results = new LinkedHashMap<>();
    names.forEach(n -> results.put(n, new ArrayList<>()));
    for (int run = 0; run < runs; run++) {
      for (String name : names) {
        results.get(name).add(fork(args[0], name));
      }
    }
    double[] base = medians(results.get(names.get(0)));
    String csv = System.getProperty("compare.csv");
    for (String name : names) {
      double[] mine = medians(results.get(name));
      StringBuilder each = new StringBuilder();
      for (double[] run : results.get(name)) {
        each.append(String.format(" %.0f", run[1]));
      }
      System.out.printf("%-8s %-12s %10.0f ops/s (ratio %.3f)  %10.0f ops/cpu-s (ratio %.3f)"
              + "  %8.0f B/op  runs:%s%n",
          args[0], name, mine[0], mine[0] / base[0], mine[1], mine[1] / base[1], mine[2], each);
      if (csv != null) {
        String operation = THREADS == 1 ? args[0] : args[0] + "-" + THREADS + "t";
        Files.writeString(Path.of(csv), String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.0f%n",
            operation, name, mine[0], mine[1], mine[2]), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }
  }

  /** Runs one contender in a new JVM; its median rates by the clock and by CPU time. */
  private static double[] fork(String op, String name) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms1g", "-Xmx1g", "-Dcompare.child=true"));
    for (String property : List.of("rounds", "roundMillis", "threads")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        Compare.class.getName(), op, name));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    double[] result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          String[] parts = line.split(" ");
          result = new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
              Double.parseDouble(parts[3])};
        } else if (!line.isBlank() && !line.contains("dev.kiln.slow")) {
          System.err.println(name + ": " + line);
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException(name + " failed");
    }
    return result;
  }

  private static void child(String op, String name) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("kiln-compare");
    try {
      if (op.startsWith("lean-")) {
        try (LeanContender c = LeanContender.open(name, dir)) {
          measure(seed -> leanOperation(op, c, seed));
        }
      } else {
        try (Contender<Object, Object> c = Contenders.openFresh(name, dir)) {
          measure(seed -> operation(op, c, seed));
        }
      }
    } finally {
      DataSet.deleteTree(dir);
    }
  }

  /**
   * Warms the operation up, times it and prints the medians for the parent to read: on one thread,
   * or on {@code -Dthreads} at once, each thread with the operation {@code operations} makes for
   * its seed.
   */
  private static void measure(IntFunction<LongSupplier> operations) throws InterruptedException {
    int rounds = Integer.getInteger("rounds", 15);
    long roundNanos = Long.getLong("roundMillis", 300L) * 1_000_000;
    double[][] all = new double[rounds][];
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<LongSupplier> each = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        each.add(operations.apply(7 + t));
      }
      for (int r = -10; r < rounds; r++) { // ten rounds of warming up first
        double[] round = round(pool, each, roundNanos);
        if (r >= 0) {
          all[r] = round;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    double[] medians = medians(Arrays.asList(all));
    if (Boolean.getBoolean("compare.rounds")) {
      for (double[] r : all) {
        System.out.printf("ROUND %.0f %.0f%n", r[0], r[1]);
      }
    }
    System.out.println("RESULT " + medians[0] + " " + medians[1] + " " + medians[2]);
  }

  /**
   * One timed round with every thread running its operation for about {@code nanos}: operations
   * per second of the clock and of the threads' CPU time together, and bytes per operation.
   */
  private static double[] round(ExecutorService pool, List<LongSupplier> operations, long nanos)
      throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(operations.size());
    List<Future<long[]>> runs = new ArrayList<>();
    for (LongSupplier operation : operations) {
      runs.add(pool.submit(() -> {
        start.await();
        return run(operation, nanos);
      }));
    }
    long count = 0;
    long wall = 0;
    long cpu = 0;
    long bytes = 0;
    for (Future<long[]> run : runs) {
      long[] figures;
      try {
        figures = run.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      count += figures[0];
      wall = Math.max(wall, figures[1]);
      cpu += figures[2];
      bytes += figures[3];
    }
    return new double[] {count * 1e9 / wall, count * 1e9 / cpu, (double) bytes / count};
  }

  private static LongSupplier leanOperation(String op, LeanContender c, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long lastFirst = LeanData.WRITERS - LeanBench.WRITERS + 1;
    return switch (op) {
      case "lean-find" -> () -> LeanBench.find(c, random.nextLong(1, LeanData.WRITERS + 1)).id();
      case "lean-eager" -> () -> LeanBench.eager(c, random.nextLong(1, lastFirst + 1)).size();
      case "lean-nn" -> () ->
          LeanBench.eagerThreeLevels(c, random.nextLong(1, lastFirst + 1)).size();
      case "lean-mn" -> () -> LeanBench.manyToMany(c, random.nextLong(1, lastFirst + 1)).size();
      default -> throw new IllegalArgumentException("no operation " + op);
    };
  }

  private static LongSupplier operation(String op, Contender<Object, Object> c, int seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Book> books = DataSet.newBooks(InsertBooks.ROWS, 42);
    return switch (op) {
      case "find" -> () -> {
        long id = random.nextLong(1, DataSet.AUTHORS + 1);
        return c.authorId(Check.author(c, c.findAuthor(id), id));
      };
      case "page" -> () -> {
        long after = random.nextLong(0, DataSet.AUTHORS - Page.SIZE + 1);
        return Check.page(c, c.authorsAfter(after, Page.SIZE), after, Page.SIZE).size();
      };
      case "eager", "nplus1" -> () -> {
        long first = random.nextLong(1, DataSet.AUTHORS - AuthorsWithBooks.AUTHORS + 2);
        long last = first + AuthorsWithBooks.AUTHORS - 1;
        List<Object> graph = op.equals("eager") ? c.authorsWithBooks(first, last)
            : c.authorsWithBooksOneByOne(first, last);
        return Check.graph(c, graph, first, last).size();
      };
      case "report" -> () -> {
        long first = random.nextLong(1, DataSet.AUTHORS - Report.AUTHORS + 2);
        List<AuthorTotals> rows =
            c.bookTotals(first, first + Report.AUTHORS - 1);
        Report.check(rows, first);
        return rows.size();
      };
      case "insert" -> () -> c.insertBooks(books);
      case "update" -> () -> {
        long id = random.nextLong(1, DataSet.BOOKS + 1);
        return c.updateBook(DataSet.book(id));
      };
      default -> throw new IllegalArgumentException("no operation " + op);
    };
  }

  /**
   * Runs {@code op} for about {@code nanos} on this thread: how many times, in how many nanoseconds
   * of the clock and of the thread's CPU time, allocating how many bytes.
   */
  private static long[] run(LongSupplier op, long nanos) {
    long sink = 0;
    long count = 0;
    long bytesStart = CPU.getCurrentThreadAllocatedBytes();
    long cpuStart = CPU.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long now;
    do {
      sink += op.getAsLong();
      count++;
      now = System.nanoTime();
    } while (now - start < nanos);
    long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
    long bytes = CPU.getCurrentThreadAllocatedBytes() - bytesStart;
    if (sink == 42) {
      System.out.print("");
    }
    return new long[] {count, now - start, cpu, bytes};
  }

  private static double[] medians(List<double[]> runs) {
    double[] wall = runs.stream().mapToDouble(r -> r[0]).toArray();
    double[] cpu = runs.stream().mapToDouble(r -> r[1]).toArray();
    double[] bytes = runs.stream().mapToDouble(r -> r[2]).toArray();
    return new double[] {median(wall), median(cpu), median(bytes)};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
