package dev.kiln.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Turns a JMH result file into {@code docs/benchmarks.md} (every number, ratios to hand-written
 * JDBC done well, the targets with what was measured), {@code docs/benchmarks.png} (a bar chart of
 * the ratios) and, when given the README, the results block between its
 * {@code <!-- benchmark-results:begin -->} and {@code <!-- benchmark-results:end -->} markers.
 *
 * <pre>java -cp kiln-benchmarks.jar dev.kiln.bench.report.Report result.json docs [README.md]</pre>
 */
public final class Report {

  static final String BEGIN = "<!-- benchmark-results:begin -->";
  static final String END = "<!-- benchmark-results:end -->";

  /**
   * One JMH result: benchmark ("FindById.oneThread"), contender, ops/s and its error, and the
   * bytes allocated per operation when the run had JMH's GC profiler ({@code -prof gc}; else NaN).
   */
  record Result(String benchmark, String contender, double score, double error,
      double bytesPerOp) {}

  /**
   * An operation as the report shows it; ratios are to {@code jdbc} on {@code baseline}, which is
   * the operation's own benchmark except for N+1, which is compared with the eager load.
   */
  record Operation(String benchmark, String title, String baseline) {}

  static final List<Operation> OPERATIONS = List.of(
      new Operation("FindById.oneThread", "Find by primary key", "FindById.oneThread"),
      new Operation("FindById.twoThreads", "Find by primary key, 2 threads",
          "FindById.twoThreads"),
      new Operation("Page.page", "Page of 100 rows in key order", "Page.page"),
      new Operation("AuthorsWithBooks.eager", "100 authors with their 1,000 books (eager)",
          "AuthorsWithBooks.eager"),
      new Operation("AuthorsWithBooksNPlusOne.nPlusOne", "The same, one author at a time (N+1)",
          "AuthorsWithBooks.eager"),
      new Operation("InsertBooks.insert", "Insert 1,000 rows in one transaction",
          "InsertBooks.insert"),
      new Operation("UpdateBook.update", "Update one row in autocommit", "UpdateBook.update"),
      new Operation("FindByIdThreads.eightThreads", "Find by primary key, 8 threads",
          "FindByIdThreads.eightThreads"),
      new Operation("FindByIdThreads.sixtyFourThreads", "Find by primary key, 64 threads",
          "FindByIdThreads.sixtyFourThreads"),
      new Operation("KeysetPage.keysetPage", "Keyset page of 100 rows by email, descending",
          "KeysetPage.keysetPage"),
      new Operation("Report.report", "Book count and exact price total of 100 authors",
          "Report.report"),
      new Operation("CachedReport.report", "The same report, repeated (query cache)",
          "CachedReport.report"),
      new Operation("LeanBench.findOneThread", "Lean: find by primary key",
          "LeanBench.findOneThread"),
      new Operation("LeanBench.findTwoThreads", "Lean: find by primary key, 2 threads",
          "LeanBench.findTwoThreads"),
      new Operation("LeanBench.findEightThreads", "Lean: find by primary key, 8 threads",
          "LeanBench.findEightThreads"),
      new Operation("LeanBench.findSixtyFourThreads", "Lean: find by primary key, 64 threads",
          "LeanBench.findSixtyFourThreads"),
      new Operation("LeanBench.eager", "Lean: 100 writers with their 1,000 notes (1:N)",
          "LeanBench.eager"),
      new Operation("LeanBench.eagerThreeLevels",
          "Lean: … and the notes' 3,000 comments (1:N:N)", "LeanBench.eagerThreeLevels"),
      new Operation("LeanBench.manyToMany", "Lean: 1,000 notes with their 2,000 tags (M:N)",
          "LeanBench.manyToMany"));

  /** The contenders in the order tables and the chart list them, with their labels. */
  static final Map<String, String> CONTENDERS = new LinkedHashMap<>();

  static {
    CONTENDERS.put("jdbc", "JDBC, done well");
    CONTENDERS.put("jdbc-join", "JDBC, one join");
    CONTENDERS.put("jdbc-range", "JDBC, range plan");
    CONTENDERS.put("jdbc-naive", "JDBC, naive");
    CONTENDERS.put("jdbc-keys", "JDBC, done well, returning keys");
    CONTENDERS.put("kiln", "Kiln");
    CONTENDERS.put("kiln-cached", "Kiln, entity cache");
    CONTENDERS.put("kiln-querycache", "Kiln, query cache");
    CONTENDERS.put("kiln-nostats", "Kiln, no statement statistics");
    CONTENDERS.put("hibernate", "Hibernate");
    CONTENDERS.put("jooq", "jOOQ");
    CONTENDERS.put("jdbi", "JDBI");
    CONTENDERS.put("mybatis", "MyBatis");
    CONTENDERS.put("kiln-bulk", "Kiln, bulkInsert");
    CONTENDERS.put("jdbc-pg", "JDBC on PostgreSQL, done well");
    CONTENDERS.put("jdbc-keys-pg", "JDBC on PostgreSQL, done well, returning keys");
    CONTENDERS.put("kiln-pg", "Kiln on PostgreSQL");
    CONTENDERS.put("kiln-bulk-pg", "Kiln on PostgreSQL, bulkInsert");
  }

  static final List<String> PEERS = List.of("hibernate", "jooq", "jdbi", "mybatis");

  /** The operations of {@code Compare}, by the benchmark they correspond to. */
  static final Map<String, String> COMPARE_OPERATIONS = Map.ofEntries(
      Map.entry("find", "FindById.oneThread"), Map.entry("find-2t", "FindById.twoThreads"),
      Map.entry("page", "Page.page"), Map.entry("eager", "AuthorsWithBooks.eager"),
      Map.entry("nplus1", "AuthorsWithBooksNPlusOne.nPlusOne"),
      Map.entry("insert", "InsertBooks.insert"), Map.entry("update", "UpdateBook.update"),
      Map.entry("report", "Report.report"), Map.entry("lean-find-2t", "LeanBench.findTwoThreads"),
      Map.entry("lean-eager", "LeanBench.eager"),
      Map.entry("lean-nn", "LeanBench.eagerThreeLevels"),
      Map.entry("lean-mn", "LeanBench.manyToMany"));

  private final List<Result> results;
  private final Map<String, Object> run;
  /** The CPU-time check: benchmark → contender → its figures. */
  private final Map<String, Map<String, CpuRates>> cpu;

  Report(List<Result> results, Map<String, Object> run, Map<String, Map<String, CpuRates>> cpu) {
    this.results = results;
    this.run = run;
    this.cpu = cpu;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: Report <jmh-result.json> <docs dir> [README.md]");
      System.exit(2);
    }
    Report report = read(Path.of(args[0]));
    Path docs = Path.of(args[1]);
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("benchmarks.md"), report.markdown());
    Chart.write(report, docs.resolve("benchmarks.png"));
    if (args.length > 2) {
      Path readme = Path.of(args[2]);
      Files.writeString(readme, report.intoReadme(Files.readString(readme)));
    }
    System.out.println("wrote " + docs.resolve("benchmarks.md") + " and "
        + docs.resolve("benchmarks.png") + (args.length > 2 ? ", updated " + args[2] : ""));
  }

  @SuppressWarnings("unchecked")
  static Report read(Path json) throws IOException {
    List<Object> entries = (List<Object>) Json.parse(Files.readString(json));
    List<Result> results = new ArrayList<>();
    Map<String, Object> run = Map.of();
    for (Object entry : entries) {
      Map<String, Object> e = (Map<String, Object>) entry;
      String name = (String) e.get("benchmark");
      String[] parts = name.split("\\.");
      String benchmark = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, Object> params = (Map<String, Object>) e.getOrDefault("params", Map.of());
      Map<String, Object> metric = (Map<String, Object>) e.get("primaryMetric");
      Map<String, Object> secondary =
          (Map<String, Object>) e.getOrDefault("secondaryMetrics", Map.of());
      double bytes = Double.NaN;
      for (Map.Entry<String, Object> m : secondary.entrySet()) {
        if (m.getKey().endsWith("gc.alloc.rate.norm")) {
          bytes = number(((Map<String, Object>) m.getValue()).get("score"));
        }
      }
      results.add(new Result(benchmark, (String) params.get("contender"),
          number(metric.get("score")), number(metric.get("scoreError")), bytes));
      run = e;
    }
    Map<String, Map<String, CpuRates>> cpu = new LinkedHashMap<>();
    Path csv = json.resolveSibling("cpu-check.csv");
    if (Files.exists(csv)) {
      for (String line : Files.readAllLines(csv)) {
        String[] f = line.split(",");
        String benchmark = COMPARE_OPERATIONS.get(f[0]);
        if (f.length >= 5 && benchmark != null) {
          cpu.computeIfAbsent(benchmark, b -> new LinkedHashMap<>()).put(f[1], CpuRates.parse(f));
        }
      }
    }
    return new Report(results, run, cpu);
  }

  /**
   * {@code contender}'s ops per CPU-second over {@code baseline}'s on {@code benchmark} in the
   * CPU-time check (see {@link CpuRates#ratioTo}), or NaN when it did not run.
   */
  double cpuRatio(String benchmark, String contender, String baseline) {
    Map<String, CpuRates> rates = cpu.getOrDefault(benchmark, Map.of());
    CpuRates mine = rates.get(contender);
    CpuRates base = rates.get(baseline);
    return mine == null || base == null ? Double.NaN : mine.ratioTo(base);
  }

  /** The relative error (99.9%) of the ratio of two JMH results. */
  double relativeError(String benchmark, String a, String b) {
    return relativeError(benchmark, a, benchmark, b);
  }

  /** The same for {@code a} in one benchmark against {@code b} in another. */
  double relativeError(String benchmarkA, String a, String benchmarkB, String b) {
    Result x = result(benchmarkA, a);
    Result y = result(benchmarkB, b);
    if (x == null || y == null) {
      return 0;
    }
    double ex = nan0(x.error()) / x.score();
    double ey = nan0(y.error()) / y.score();
    return Math.sqrt(ex * ex + ey * ey);
  }

  private static double nan0(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static double number(Object value) {
    return value instanceof Double d ? d : Double.NaN;
  }

  /** The result of {@code contender} on {@code benchmark}, or null when it was not run. */
  Result result(String benchmark, String contender) {
    for (Result r : results) {
      if (r.benchmark().equals(benchmark) && contender.equals(r.contender())) {
        return r;
      }
    }
    return null;
  }

  /** The contenders measured on {@code benchmark}, in the report's order. */
  List<String> contenders(String benchmark) {
    List<String> names = new ArrayList<>();
    for (String name : CONTENDERS.keySet()) {
      if (result(benchmark, name) != null) {
        names.add(name);
      }
    }
    return names;
  }

  /** {@code contender}'s throughput on {@code op} over hand-written JDBC's on its baseline. */
  double ratio(Operation op, String contender) {
    Result mine = result(op.benchmark(), contender);
    Result base = result(op.baseline(), baselineOf(contender));
    return mine == null || base == null ? Double.NaN : mine.score() / base.score();
  }

  /** The contender ratios are taken to: JDBC done well on the same engine. */
  static String baselineOf(String contender) {
    return contender.endsWith("-pg") ? "jdbc-pg" : "jdbc";
  }

  double score(String benchmark, String contender) {
    Result r = result(benchmark, contender);
    return r == null ? Double.NaN : r.score();
  }

  // ---- markdown --------------------------------------------------------------------------------

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("Written by `benchmarks/run.sh` from `benchmarks/target/jmh-result.json`; do not edit"
        + " by hand. What each contender does, and why, is in the README's Benchmarks section and"
        + " in `benchmarks/src/main/java/dev/kiln/bench/contenders/`.\n\n");
    md.append(setup()).append("\n\n");
    md.append("![Throughput relative to hand-written JDBC done well](benchmarks.png)\n\n");
    md.append("## Targets\n\n").append(targets()).append('\n');
    md.append("## Ratios to hand-written JDBC done well\n\n").append(matrix()).append('\n');
    if (!cpu.isEmpty()) {
      md.append("## CPU-time check\n\n").append(cpuCheck()).append('\n');
    }
    for (Operation op : OPERATIONS) {
      List<String> names = contenders(op.benchmark());
      if (names.isEmpty()) {
        continue;
      }
      md.append("## ").append(op.title()).append("\n\n");
      md.append("`").append(op.benchmark()).append("`");
      if (!op.baseline().equals(op.benchmark())) {
        md.append("; ratios are to `").append(op.baseline()).append("` of `jdbc`");
      }
      md.append("\n\n| contender | ops/s | ± (99.9%) | ratio to JDBC well | bytes/op |"
          + " bytes ÷ JDBC's |\n");
      md.append("|---|---:|---:|---:|---:|---:|\n");
      for (String name : names) {
        Result r = result(op.benchmark(), name);
        md.append("| ").append(name.startsWith("kiln") ? "**" + name + "**" : name)
            .append(" | ").append(count(r.score())).append(" | ").append(count(r.error()))
            .append(" | ").append(ratioText(ratio(op, name))).append(" | ")
            .append(count(r.bytesPerOp())).append(" | ")
            .append(ratioText(bytesRatio(op.benchmark(), name, baselineOf(name))))
            .append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  /** How and where the numbers were measured, from the result file. */
  String setup() {
    Object jdk = run.getOrDefault("jdkVersion", "?");
    Object vm = run.getOrDefault("vmName", "");
    Object forks = run.getOrDefault("forks", "?");
    return String.format(Locale.ROOT, "JMH %s, throughput (operations per second, higher is"
            + " better), %s fork per benchmark and contender, %s warm-up and %s measurement"
            + " iterations of %s / %s, JDK %s (%s), %d cores. ± is JMH's 99.9%% confidence"
            + " half-width; ratios are to hand-written JDBC done well on the same operation and"
            + " engine (`jdbc`, `jdbc-pg`); bytes/op is JMH's GC profiler's allocation per"
            + " operation.",
        run.getOrDefault("jmhVersion", "?"), integer(forks),
        integer(run.getOrDefault("warmupIterations", "?")),
        integer(run.getOrDefault("measurementIterations", "?")),
        run.getOrDefault("warmupTime", "?"), run.getOrDefault("measurementTime", "?"), jdk, vm,
        Runtime.getRuntime().availableProcessors()) + steadiness();
  }

  /**
   * How steady the machine was, from the baselines' own errors: the median and the largest
   * relative error of {@code jdbc} and {@code jdbc-pg} over every benchmark. Their error measures
   * the run rather than Kiln, so a run disturbed by other work on the machine shows it here, and
   * a reader can weigh every ratio by it; empty when the run has no baseline.
   */
  String steadiness() {
    List<Result> baselines = results.stream()
        .filter(r -> r.contender().equals("jdbc") || r.contender().equals("jdbc-pg"))
        .filter(r -> r.score() > 0 && !Double.isNaN(r.error()))
        .sorted(Comparator.comparingDouble(Report::relativeError))
        .toList();
    if (baselines.isEmpty()) {
      return "";
    }
    double median = new ListStatistics(
        baselines.stream().mapToDouble(Report::relativeError).toArray()).getPercentile(50);
    Result worst = baselines.get(baselines.size() - 1);
    return String.format(Locale.ROOT, " How steady the machine was shows in the baselines' own"
            + " errors: a median of ±%.0f%% of their rates over %d results, the largest ±%.0f%%"
            + " (`%s`, `%s`).",
        100 * median, baselines.size(), 100 * relativeError(worst), worst.benchmark(),
        worst.contender());
  }

  private static double relativeError(Result r) {
    return r.error() / r.score();
  }

  private static String integer(Object value) {
    return value instanceof Double d ? String.valueOf(d.intValue()) : String.valueOf(value);
  }

  /** Rows: operations; columns: contenders; cells: ratio to JDBC done well. */
  String matrix() {
    List<String> columns = new ArrayList<>();
    for (String name : CONTENDERS.keySet()) {
      for (Operation op : OPERATIONS) {
        if (result(op.benchmark(), name) != null && !columns.contains(name)) {
          columns.add(name);
        }
      }
    }
    StringBuilder md = new StringBuilder("| operation |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String name : columns) {
      md.append(' ').append(name).append(" |");
      rule.append("---:|");
    }
    md.append('\n').append(rule).append('\n');
    for (Operation op : OPERATIONS) {
      if (contenders(op.benchmark()).isEmpty()) {
        continue;
      }
      md.append("| ").append(op.title());
      Result base = result(op.benchmark(), "jdbc");
      if (base != null && op.baseline().equals(op.benchmark())) {
        md.append(" (jdbc: ").append(count(base.score())).append(" ops/s)");
      }
      md.append(" |");
      for (String name : columns) {
        double ratio = ratio(op, name);
        String text = Double.isNaN(ratio) ? "" : ratioText(ratio);
        md.append(' ').append(name.equals("kiln") && !text.isEmpty() ? "**" + text + "**" : text)
            .append(" |");
      }
      md.append('\n');
    }
    return md.toString();
  }

  // ---- targets ---------------------------------------------------------------------------------

  /**
   * A performance target with what was measured for it and its status: met (by JMH and by the
   * CPU-time check where there is one), missed, or within noise (short of it by less than JMH's
   * error and met by the CPU-time check, or met by JMH and not by the CPU-time check).
   */
  record Target(String target, String measured, String status) {}

  static final String MET = "met";
  static final String MISSED = "**missed**";
  static final String NOISE = "within noise";

  /** The status of "{@code ratio} at least {@code goal}", given its error and CPU check. */
  static String status(double ratio, double goal, double relativeError, double cpuRatio) {
    if (Double.isNaN(ratio)) {
      return null;
    }
    boolean cpuMet = Double.isNaN(cpuRatio) || cpuRatio >= goal;
    if (ratio >= goal) {
      return cpuMet ? MET : NOISE; // the two measures disagree: not met until both say so
    }
    return ratio * (1 + relativeError) >= goal && cpuMet ? NOISE : MISSED;
  }

  /** The worst of several statuses. */
  static String worst(List<String> statuses) {
    if (statuses.isEmpty()) {
      return "not run";
    }
    return statuses.contains(MISSED) ? MISSED : statuses.contains(NOISE) ? NOISE : MET;
  }

  List<Target> targetList() {
    List<Target> list = new ArrayList<>();
    Operation find = OPERATIONS.get(0);
    Operation page = OPERATIONS.get(2);
    Operation eager = OPERATIONS.get(3);
    Operation nPlusOne = OPERATIONS.get(4);

    // within 5% of JDBC done well on every operation (the lean schema and PostgreSQL follow)
    list.add(pairs("Kiln within 5% of hand-written JDBC done well on every operation,"
        + " statement statistics on", "Kiln / JDBC: ", suite("kiln", "jdbc"), 0.95));

    // about 2x the peers on reads
    List<String> parts = new ArrayList<>();
    double least = Double.MAX_VALUE;
    for (Operation op : List.of(find, page, eager)) {
      double best = Double.NaN;
      String who = null;
      for (String peer : PEERS) {
        double s = score(op.benchmark(), peer);
        if (!Double.isNaN(s) && (Double.isNaN(best) || s > best)) {
          best = s;
          who = peer;
        }
      }
      double kiln = score(op.benchmark(), "kiln");
      if (who != null && !Double.isNaN(kiln)) {
        parts.add(shortName(op) + " " + times(kiln / best) + " the fastest peer (" + who + ")");
        least = Math.min(least, kiln / best);
      }
    }
    list.add(new Target("… about 2× the peers on reads", String.join("; ", parts),
        parts.isEmpty() ? "not run" : least >= 1.8 ? MET : MISSED));

    // ahead of every peer on every operation
    List<String> statuses = new ArrayList<>();
    double margin = Double.MAX_VALUE;
    String where = "";
    for (Operation op : OPERATIONS) {
      if (op == nPlusOne) {
        continue;
      }
      double kiln = score(op.benchmark(), "kiln");
      for (String peer : PEERS) {
        double s = score(op.benchmark(), peer);
        if (Double.isNaN(kiln) || Double.isNaN(s)) {
          continue;
        }
        statuses.add(kiln > s ? MET
            : kiln / s * (1 + relativeError(op.benchmark(), "kiln", peer)) > 1 ? NOISE : MISSED);
        if (kiln / s < margin) {
          margin = kiln / s;
          where = shortName(op) + ", over " + peer;
        }
      }
    }
    list.add(new Target("… and ahead of Hibernate, jOOQ, JDBI and MyBatis on every operation",
        margin == Double.MAX_VALUE ? "" : "smallest lead: " + times(margin) + " (" + where + ")",
        worst(statuses)));

    // entity cache
    double cached = ratio(find, "kiln-cached");
    list.add(new Target("With the entity cache warm, find by key at least 10× hand-written JDBC",
        Double.isNaN(cached) ? "" : times(cached) + " ("
            + count(score(find.benchmark(), "kiln-cached")) + " ops/s)",
        Double.isNaN(cached) ? "not run" : cached >= 10 ? MET : MISSED));

    // eager within 5% of the fastest hand-written plan: one join, or two queries, the second
    // keyed by the parents' keys or (the fastest, and what Kiln does for a run of keys) by range
    Map<String, String> plans = new LinkedHashMap<>();
    plans.put("jdbc", "two queries, keyed");
    plans.put("jdbc-range", "two queries, by range");
    plans.put("jdbc-join", "one join");
    String fastestPlan = null;
    double fastest = Double.NaN;
    for (String plan : plans.keySet()) {
      double s = score(eager.benchmark(), plan);
      if (!Double.isNaN(s) && (fastestPlan == null || s > fastest)) {
        fastestPlan = plan;
        fastest = s;
      }
    }
    double kilnEager = score(eager.benchmark(), "kiln");
    double cpuEager = Double.NaN;
    for (String plan : plans.keySet()) {
      double c = cpuRatio(eager.benchmark(), "kiln", plan);
      cpuEager = Double.isNaN(cpuEager) ? c : Double.isNaN(c) ? cpuEager : Math.min(cpuEager, c);
    }
    parts = new ArrayList<>();
    for (String plan : plans.keySet()) {
      double s = score(eager.benchmark(), plan);
      if (!Double.isNaN(s) && !plan.equals(fastestPlan)) {
        parts.add(plans.get(plan) + " " + ratioText(kilnEager / s));
      }
    }
    list.add(new Target("Eager 1:N within 5% of the faster of the two hand-written plans (one"
        + " JOIN, or two queries)", Double.isNaN(kilnEager) || fastestPlan == null ? ""
        : ratioText(kilnEager / fastest) + " of the fastest (" + plans.get(fastestPlan) + ", "
        + count(fastest) + " ops/s)" + (Double.isNaN(cpuEager) ? ""
        : " (CPU " + ratioText(cpuEager) + ")") + "; of " + String.join(", of ", parts),
        fastestPlan == null ? "not run" : status(kilnEager / fastest, 0.95,
            relativeError(eager.benchmark(), "kiln", fastestPlan), cpuEager)));

    // eager at least 2x N+1: N+1 as most code writes it, a statement prepared per call (about
    // half of JDBC's eager load); N+1 on cached statements is listed, and discussed, beside it
    parts = new ArrayList<>();
    String twice = "not run";
    for (String name : List.of("jdbc-naive", "jdbc", "kiln", "hibernate")) {
      double n1 = score(nPlusOne.benchmark(), name);
      if (!Double.isNaN(n1) && !Double.isNaN(kilnEager)) {
        parts.add(times(kilnEager / n1) + " " + name + "'s N+1");
        if (name.equals("jdbc-naive")) {
          twice = status(kilnEager / n1, 2, relativeError(eager.benchmark(), "kiln",
              nPlusOne.benchmark(), name), Double.NaN);
        }
      }
    }
    list.add(new Target("… and at least 2× N+1", "Kiln's eager load is " + String.join(", ",
        parts) + " (`jdbc-naive` prepares a statement per call, as most N+1 code does;"
        + " `jdbc` and `kiln` reuse theirs)", twice));


    // the same on the lean schema and on PostgreSQL; memory; thread counts
    list.add(pairs("Kiln within 5% of hand-written JDBC on the lean schema (integers, text,"
        + " REALs)", "Kiln / JDBC: ", lean("kiln", "jdbc"), 0.95));
    List<Pair> postgres = new ArrayList<>(suite("kiln-pg", "jdbc-pg"));
    postgres.addAll(lean("kiln-pg", "jdbc-pg"));
    list.add(pairs("Kiln within 5% of hand-written JDBC on PostgreSQL (embedded, loopback)",
        "Kiln / JDBC on PostgreSQL: ", postgres, 0.95));
    list.add(memory());
    list.add(scaling());
    return list;
  }

  /** A Kiln contender against the hand-written one it is measured by, on one operation. */
  record Pair(String benchmark, String kiln, String base, String name) {}

  /**
   * The current schema's operations, {@code kiln} against {@code base}: an insert that returns
   * keys against JDBC that returns them too, {@code bulkInsert} against a plain batch.
   */
  static List<Pair> suite(String kiln, String base) {
    boolean postgres = kiln.endsWith("-pg");
    List<Pair> pairs = new ArrayList<>(List.of(new Pair("FindById.oneThread", kiln, base, "find"),
        new Pair("FindById.twoThreads", kiln, base, "find ×2 threads"),
        new Pair("FindByIdThreads.eightThreads", kiln, base, "×8"),
        new Pair("FindByIdThreads.sixtyFourThreads", kiln, base, "×64"),
        new Pair("Page.page", kiln, base, "page"),
        new Pair("KeysetPage.keysetPage", kiln, base, "keyset page"),
        new Pair("Report.report", kiln, base, "report"),
        new Pair("AuthorsWithBooks.eager", kiln, base, "1:N")));
    pairs.add(new Pair("InsertBooks.insert", kiln, postgres ? "jdbc-keys-pg" : "jdbc-keys",
        "insert returning keys"));
    pairs.add(new Pair("InsertBooks.insert", postgres ? "kiln-bulk-pg" : "kiln-bulk", base,
        "bulkInsert vs a plain batch"));
    pairs.add(new Pair("UpdateBook.update", kiln, base, "update"));
    return pairs;
  }

  /** The lean schema's operations, {@code kiln} against {@code base}. */
  static List<Pair> lean(String kiln, String base) {
    return List.of(new Pair("LeanBench.findOneThread", kiln, base, "lean find"),
        new Pair("LeanBench.findTwoThreads", kiln, base, "lean find ×2"),
        new Pair("LeanBench.findEightThreads", kiln, base, "lean ×8"),
        new Pair("LeanBench.findSixtyFourThreads", kiln, base, "lean ×64"),
        new Pair("LeanBench.eager", kiln, base, "lean 1:N"),
        new Pair("LeanBench.eagerThreeLevels", kiln, base, "lean 1:N:N"),
        new Pair("LeanBench.manyToMany", kiln, base, "lean M:N"));
  }

  /** The target "each pair's ratio at least {@code goal}", over the pairs that ran. */
  Target pairs(String target, String lead, List<Pair> pairs, double goal) {
    List<String> parts = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (Pair p : pairs) {
      double r = score(p.benchmark(), p.kiln()) / score(p.benchmark(), p.base());
      if (Double.isNaN(r)) {
        continue;
      }
      double c = cpuRatio(p.benchmark(), p.kiln(), p.base());
      parts.add(p.name() + " " + ratioText(r)
          + (Double.isNaN(c) ? "" : " (CPU " + ratioText(c) + ")"));
      statuses.add(status(r, goal, relativeError(p.benchmark(), p.kiln(), p.base()), c));
    }
    return new Target(target, parts.isEmpty() ? "" : lead + String.join(", ", parts),
        worst(statuses));
  }

  /** The reads whose allocation is compared: one thread each (more only share it out). */
  static final java.util.Set<String> MEASURED_READS = java.util.Set.of("FindById.oneThread",
      "Page.page", "KeysetPage.keysetPage", "Report.report", "AuthorsWithBooks.eager",
      "LeanBench.findOneThread", "LeanBench.eager", "LeanBench.eagerThreeLevels",
      "LeanBench.manyToMany");

  /** Bytes allocated per read within 1.2× of JDBC's (JMH's GC profiler). */
  Target memory() {
    List<String> parts = new ArrayList<>();
    boolean met = true;
    for (String[] engine : new String[][] {{"kiln", "jdbc"}, {"kiln-pg", "jdbc-pg"}}) {
      List<Pair> reads = new ArrayList<>(suite(engine[0], engine[1]));
      reads.addAll(lean(engine[0], engine[1]));
      reads.removeIf(p -> !MEASURED_READS.contains(p.benchmark()));
      for (Pair p : reads) {
        double ratio = bytesRatio(p.benchmark(), p.kiln(), p.base());
        if (!Double.isNaN(ratio)) {
          parts.add((engine[0].endsWith("-pg") ? "PostgreSQL " : "") + p.name() + " "
              + times(ratio));
          met &= ratio <= 1.2;
        }
      }
    }
    return new Target("Bytes allocated per read within 1.2× of JDBC's", parts.isEmpty() ? ""
        : "Kiln's bytes / JDBC's: " + String.join(", ", parts),
        parts.isEmpty() ? "not run" : met ? MET : MISSED);
  }

  /** {@code kiln}'s bytes per operation over {@code base}'s, or NaN without the GC profiler. */
  double bytesRatio(String benchmark, String kiln, String base) {
    Result mine = result(benchmark, kiln);
    Result theirs = result(benchmark, base);
    return mine == null || theirs == null ? Double.NaN : mine.bytesPerOp() / theirs.bytesPerOp();
  }

  /** The thread counts of the scaling target, by the benchmarks that read from them. */
  static final Map<Integer, List<String>> THREADS = Map.of(
      2, List.of("FindById.twoThreads", "LeanBench.findTwoThreads"),
      8, List.of("FindByIdThreads.eightThreads", "LeanBench.findEightThreads"),
      64, List.of("FindByIdThreads.sixtyFourThreads", "LeanBench.findSixtyFourThreads"));

  /**
   * Reads from 2, 8 and 64 threads scale as hand-written JDBC's do on the same pool size:
   * Kiln's ops/s at n threads over at 1, against JDBC's.
   */
  Target scaling() {
    List<String> parts = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    String[][] curves = {{"FindById.oneThread", "kiln", "jdbc", "SQLite"},
        {"LeanBench.findOneThread", "kiln", "jdbc", "SQLite lean"},
        {"FindById.oneThread", "kiln-pg", "jdbc-pg", "PostgreSQL"},
        {"LeanBench.findOneThread", "kiln-pg", "jdbc-pg", "PostgreSQL lean"}};
    for (String[] curve : curves) {
      int which = curve[0].startsWith("Lean") ? 1 : 0;
      List<String> points = new ArrayList<>();
      for (int n : List.of(2, 8, 64)) {
        String benchmark = THREADS.get(n).get(which);
        double kiln = score(benchmark, curve[1]) / score(curve[0], curve[1]);
        double jdbc = score(benchmark, curve[2]) / score(curve[0], curve[2]);
        if (Double.isNaN(kiln) || Double.isNaN(jdbc)) {
          continue;
        }
        points.add(String.format(Locale.ROOT, "%d: %.2f× / %.2f×", n, kiln, jdbc));
        statuses.add(status(kiln / jdbc, 0.95,
            relativeError(benchmark, curve[1], curve[0], curve[1]), Double.NaN));
      }
      if (!points.isEmpty()) {
        parts.add(curve[3] + " " + String.join(", ", points));
      }
    }
    return new Target("Reads from 2, 8 and 64 threads scale as hand-written JDBC's do on the"
        + " same pool size", parts.isEmpty() ? "" : "ops/s at n threads ÷ at 1, Kiln / JDBC: "
        + String.join("; ", parts), worst(statuses));
  }

  String targets() {
    StringBuilder md = new StringBuilder("| target | measured | |\n|---|---|---|\n");
    for (Target t : targetList()) {
      md.append("| ").append(t.target()).append(" | ").append(t.measured()).append(" | ")
          .append(t.status() == null ? "not run" : t.status()).append(" |\n");
    }
    return md.toString();
  }

  /** The CPU-time check: Kiln and JDBC in JVMs of their own, taking turns, by CPU time. */
  String cpuCheck() {
    StringBuilder md = new StringBuilder("`benchmarks/run.sh` also runs `dev.kiln.bench.Compare`"
        + " for Kiln and hand-written JDBC: each contender in a JVM of its own, all started"
        + " together, then taking turns of one 0.3 s round each (the order reversed every turn),"
        + " 10 turns to warm up and 15 timed (45 on PostgreSQL, whose inserts take 1 s rounds),"
        + " in three sets of JVMs (five for two threads). It"
        + " counts operations per second of the benchmark threads' CPU time (summed over both"
        + " threads for two), which time spent waiting for a core does not disturb. The ratio is"
        + " to `jdbc` (`jdbc-pg` on PostgreSQL), the median over the turns of the two rounds'"
        + " ratio: a change in the machine's speed lasting seconds reaches both rounds of a turn"
        + " alike. The quartiles of those ratios show how far single turns strayed; rates and"
        + " bytes are medians over the rounds. `jdbc-again` (`jdbc-again-pg`) is `jdbc` once more"
        + " in a JVM of its own, a control: how far its ratio strays from 1.00 is how far identical"
        + " code lands by luck alone, so a ratio no further below 1.00 is within what the check"
        + " resolves.\n\n"
        + "| operation | contender | ops/s | ops per CPU-second | ratio (CPU) | quartiles"
        + " | bytes/op |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Operation op : OPERATIONS) {
      Map<String, CpuRates> rates = cpu.get(op.benchmark());
      if (rates == null) {
        continue;
      }
      for (Map.Entry<String, CpuRates> e : rates.entrySet()) {
        CpuRates mine = e.getValue();
        CpuRates base = rates.get(baselineOf(e.getKey()));
        double[] quartiles = base == null ? new double[0] : mine.quartilesTo(base);
        md.append("| ").append(op.title()).append(" | ").append(e.getKey()).append(" | ")
            .append(count(mine.opsPerSecond())).append(" | ")
            .append(count(mine.opsPerCpuSecond())).append(" | ")
            .append(ratioText(cpuRatio(op.benchmark(), e.getKey(), baselineOf(e.getKey()))))
            .append(" | ").append(quartiles.length == 0 ? ""
                : ratioText(quartiles[0]) + "–" + ratioText(quartiles[1]))
            .append(" | ").append(count(mine.bytesPerOp())).append(" |\n");
      }
    }
    return md.toString();
  }

  private static String shortName(Operation op) {
    return switch (op.benchmark()) {
      case "FindById.oneThread" -> "find";
      case "FindById.twoThreads" -> "find ×2 threads";
      case "Page.page" -> "page";
      case "AuthorsWithBooks.eager" -> "1:N";
      case "AuthorsWithBooksNPlusOne.nPlusOne" -> "N+1";
      case "InsertBooks.insert" -> "insert";
      case "UpdateBook.update" -> "update";
      default -> op.benchmark();
    };
  }

  // ---- README ----------------------------------------------------------------------------------

  /** {@code readme} with the block between the markers replaced by this run's summary. */
  String intoReadme(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the README has no " + BEGIN + " … " + END + " block");
    }
    String block = BEGIN + "\n\n" + "![Throughput relative to hand-written JDBC done well]"
        + "(docs/benchmarks.png)\n\n" + setup() + "\n\n" + targets() + "\n" + matrix() + "\n"
        + "Every number, with JMH's error, is in [docs/benchmarks.md](docs/benchmarks.md).\n\n";
    return readme.substring(0, begin) + block + readme.substring(end);
  }

  // ---- numbers ---------------------------------------------------------------------------------

  static String count(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String ratioText(double ratio) {
    if (Double.isNaN(ratio)) {
      return "";
    }
    return ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio)
        : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String times(double ratio) {
    return (ratio >= 10 ? String.format(Locale.ROOT, "%.0f", ratio)
        : String.format(Locale.ROOT, "%.2f", ratio)) + "×";
  }
}
