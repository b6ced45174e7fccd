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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Kiln against hand-written JDBC by the CPU time of the benchmark threads, on a machine whose
 * speed changes while it runs. Each contender runs the operation in a JVM of its own (as under
 * JMH: contenders sharing a JVM share the JIT's profiles of sqlite-jdbc and HikariCP, which skews
 * the comparison by 10–15%), all started together; they then take turns, one timed round of
 * 0.3 s each, the order reversed every round (A B, B A, …) so that a steady drift favours
 * neither. A contender's ratio is the median over the rounds of its rate over the baseline's in
 * the same turn: a slower patch of the machine lasting seconds slows both rounds of a turn alike
 * and leaves their ratio alone, where it moves a JMH fork's mean by a third. Rates are counted
 * per second of the threads' CPU time as well as of the clock, since time spent waiting for a
 * core does not cost CPU time. Prints each contender's median rates, its ratios to the first
 * contender with their quartiles, and the bytes each operation allocated.
 *
 * <pre>java -cp benchmarks/target/kiln-benchmarks.jar dev.kiln.bench.Compare find jdbc kiln</pre>
 *
 * Operations: find, page, eager, nplus1, report, insert, update, and on the lean schema
 * lean-find, lean-eager (1:N), lean-nn (1:N:N) and lean-mn (many-to-many). {@code -Druns=3}
 * sets of JVMs one after the other, {@code -Dwarmup=10} untimed turns and {@code -Drounds=15}
 * timed ones in each, {@code -DroundMillis=300}; {@code -Dthreads=2} runs the operation on that
 * many threads at once (each with its own random keys), counting every thread's operations over
 * the clock and over their summed CPU time (its CSV lines name the operation {@code find-2t});
 * {@code -Dcompare.csv=file} appends {@code operation,contender,ops/s,ops/cpu-s,bytes/op,rounds}
 * lines to {@code file}, {@code rounds} being every timed round's ops per CPU-second in turn
 * order, which the report shows as its CPU-time check. {@code -Dcompare.profile=folder} samples
 * each contender's timed rounds with async-profiler and prints where a call spends its CPU time
 * ({@link RoundProfile}). {@code -Dcompare.mixed=true} first runs every lean operation for
 * {@code -DmixMillis=3000} each, as a service serving all of them would, so that code shared by
 * every entity type is compiled for all of them rather than for the timed operation's alone.
 *
 * <p>A contender named with {@value #AGAIN} ({@code jdbc-again}, {@code jdbc-again-pg}) is the
 * contender without it once more, in a JVM of its own: a control. Identical code, its ratio to
 * the original is how far apart two JVMs land by luck alone, what the check cannot resolve.
 *
 * <p>A contender named with {@code @} and a class path ({@code kiln-pg@/tmp/old.jar}) runs from
 * that build of the suite instead of this one: {@code Compare report kiln-pg@/tmp/old.jar
 * kiln-pg} times an old build of Kiln against the new one in turns, in one run.
 */
public final class Compare {

  private static final com.sun.management.ThreadMXBean CPU =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Marks a control: {@code jdbc-again} runs {@code jdbc} in another JVM. */
  private static final String AGAIN = "-again";

  /** How many threads run the operation at once ({@code -Dthreads}). */
  private static final int THREADS = Integer.getInteger("threads", 1);

  private Compare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Compare <find|page|eager|nplus1|report|insert|update|lean-find"
          + "|lean-eager|lean-nn|lean-mn> <contender>...");
      System.exit(2);
    }
    if (Boolean.getBoolean("compare.child")) {
      child(args[0], args[1]);
      return;
    }
    List<String> names = Arrays.asList(args).subList(1, args.length);
    List<List<double[]>> results = new ArrayList<>();
    names.forEach(n -> results.add(new ArrayList<>()));
    for (int set = 0, sets = Integer.getInteger("runs", 3); set < sets; set++) {
      takeTurns(args[0], names, results);
    }
    report(args[0], names, results);
  }

  /**
   * Starts a JVM for each contender, lets them warm up, then has them time their rounds in turn,
   * adding each contender's rounds to its list in {@code results} (one list per contender, in
   * the order of {@code names}, which may name a contender twice to see the machine's noise).
   */
  private static void takeTurns(String op, List<String> names, List<List<double[]>> results)
      throws IOException {
    List<ContenderProcess> children = new ArrayList<>();
    try {
      for (String name : names) {
        children.add(ContenderProcess.start(op, name));
      }
      for (ContenderProcess child : children) {
        child.awaitReady();
      }
      int warmup = Integer.getInteger("warmup", 10);
      int rounds = Integer.getInteger("rounds", 15);
      for (int turn = -warmup; turn < rounds; turn++) {
        for (int i = 0; i < children.size(); i++) {
          int next = Math.floorMod(turn, 2) == 0 ? i : children.size() - 1 - i;
          double[] round = children.get(next).round();
          if (turn >= 0) {
            results.get(next).add(round);
          }
        }
      }
    } finally {
      closeAll(children);
    }
  }

  /**
   * Closes every child, waiting for each to end, even after one failed to: the first failure is
   * thrown once all are closed, the others suppressed in it.
   */
  private static void closeAll(List<ContenderProcess> children) throws IOException {
    Exception failure = null;
    for (ContenderProcess child : children) {
      try {
        child.close();
      } catch (IOException | RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
  }

  /** Prints each contender's medians and ratios to the first; appends them to the CSV file. */
  private static void report(String op, List<String> names, List<List<double[]>> results)
      throws IOException {
    List<double[]> base = results.get(0);
    String csv = System.getProperty("compare.csv");
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      List<double[]> mine = results.get(i);
      double[] medians = medians(mine);
      double[] byClock = ratios(mine, base, 0);
      double[] byCpu = ratios(mine, base, 1);
      System.out.printf("%-8s %-12s %10.0f ops/s (ratio %.3f)  %10.0f ops/cpu-s (ratio %.3f,"
              + " quartiles %.3f–%.3f)  %8.0f B/op%n",
          op, name, medians[0], median(byClock), medians[1], median(byCpu),
          quantile(byCpu, 0.25), quantile(byCpu, 0.75), medians[2]);
      if (csv != null) {
        String operation = THREADS == 1 ? op : op + "-" + THREADS + "t";
        StringBuilder rounds = new StringBuilder();
        for (double[] round : mine) {
          rounds.append(rounds.length() == 0 ? "" : " ")
              .append(String.format(Locale.ROOT, "%.1f", round[1]));
        }
        Files.writeString(Path.of(csv), String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.0f,%s%n",
            operation, name, medians[0], medians[1], medians[2], rounds),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      }
    }
  }

  /** Each round's rate {@code field} of {@code mine} over {@code base}'s in the same turn. */
  private static double[] ratios(List<double[]> mine, List<double[]> base, int field) {
    double[] ratios = new double[mine.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = mine.get(i)[field] / base.get(i)[field];
    }
    return ratios;
  }

  private static void child(String op, String contender)
      throws IOException, InterruptedException {
    String name = contender.replace(AGAIN, ""); // a control opens the contender it repeats
    Path dir = Files.createTempDirectory("kiln-compare");
    try {
      if (op.startsWith("lean-")) {
        try (LeanContender c = LeanContender.open(name, dir)) {
          if (Boolean.getBoolean("compare.mixed")) {
            mix(c);
          }
          serve(seed -> leanOperation(op, c, seed), RoundProfile.ifAsked(op, contender));
        }
      } else {
        try (Contender<Object, Object> c = Contenders.openFresh(name, dir)) {
          serve(seed -> operation(op, c, seed), RoundProfile.ifAsked(op, contender));
        }
      }
    } finally {
      DataSet.deleteTree(dir);
    }
  }

  /**
   * Runs every lean operation for a while first, as a service serving all of them would: the
   * call sites shared by every entity type (a fetch plan's, the mapping's) then see all of the
   * lean schema's types before the JIT compiles them, rather than only those of the one
   * operation timed.
   */
  private static void mix(LeanContender c) {
    for (String other : List.of("lean-find", "lean-eager", "lean-nn", "lean-mn")) {
      LongSupplier operation = leanOperation(other, c, 99);
      long until = System.nanoTime() + Long.getLong("mixMillis", 3000L) * 1_000_000;
      while (System.nanoTime() < until) {
        operation.getAsLong();
      }
    }
  }

  /**
   * Times a round each time the parent asks, on one thread or on {@code -Dthreads} at once, each
   * thread running the operation {@code operations} makes for its seed, until the parent's
   * input ends; with a {@code profile}, samples the rounds after the {@code -Dwarmup} first.
   */
  private static void serve(IntFunction<LongSupplier> operations, RoundProfile profile)
      throws IOException, InterruptedException {
    long roundNanos = Long.getLong("roundMillis", 300L) * 1_000_000;
    int warmup = Integer.getInteger("warmup", 10);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS,
        r -> new Thread(r, RoundProfile.threadName(threads.getAndIncrement())));
    try {
      List<LongSupplier> each = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        each.add(operations.apply(7 + t));
      }
      BufferedReader parent = new BufferedReader(
          new InputStreamReader(System.in, StandardCharsets.UTF_8));
      System.out.println("READY");
      System.out.flush();
      int rounds = 0;
      long profiledCalls = 0;
      for (String line; (line = parent.readLine()) != null && line.equals("round"); rounds++) {
        if (profile != null && rounds == warmup) {
          profile.start();
        }
        double[] round = round(pool, each, roundNanos);
        if (profile != null && rounds >= warmup) {
          profiledCalls += (long) round[3];
        }
        System.out.println("ROUND " + round[0] + " " + round[1] + " " + round[2]);
        System.out.flush();
      }
      if (profile != null && rounds > warmup) {
        profile.stop(profiledCalls);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One timed round with every thread running its operation for about {@code nanos}: operations
   * per second of the clock and of the threads' CPU time together, bytes per operation, and how
   * many operations ran.
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
    return new double[] {count * 1e9 / wall, count * 1e9 / cpu, (double) bytes / count, count};
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
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    return new ListStatistics(values).getPercentile(100 * q);
  }
}
