package dev.kiln.bench;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.contenders.Contenders;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.model.Book;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A quick A/B check for working on performance on a busy machine: runs one operation for several
 * contenders in one JVM, in short interleaved rounds, so that load from other processes hits them
 * alike, and prints each contender's median throughput and median ratio to the first one. JMH
 * (benchmarks/run.sh) gives the published numbers; this only answers "which is faster, by how
 * much" while a change is being made.
 *
 * <pre>java -cp benchmarks/target/kiln-benchmarks.jar dev.kiln.bench.Compare find jdbc kiln</pre>
 *
 * Operations: find, page, eager, nplus1, insert, update.
 */
public final class Compare {

  private Compare() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: Compare <find|page|eager|nplus1|insert|update> <contender>...");
      System.exit(2);
    }
    String op = args[0];
    List<String> names = Arrays.asList(args).subList(1, args.length);
    int rounds = Integer.getInteger("rounds", 30);
    long roundNanos = Long.getLong("roundMillis", 300L) * 1_000_000;
    Path dir = Files.createTempDirectory("kiln-compare");
    Map<String, LongSupplier> ops = new LinkedHashMap<>();
    List<Contender<Object, Object>> open = new ArrayList<>();
    try {
      for (String name : names) {
        Path sub = Files.createDirectory(dir.resolve(name));
        Contender<Object, Object> c = Contenders.open(name, DataSet.copyTo(sub));
        open.add(c);
        ops.put(name, operation(op, c));
      }
      Map<String, double[]> rates = new LinkedHashMap<>();
      names.forEach(n -> rates.put(n, new double[rounds]));
      for (int warm = 0; warm < 5; warm++) {
        for (LongSupplier s : ops.values()) {
          run(s, roundNanos);
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (String name : names) {
          rates.get(name)[(r + names.indexOf(name)) % rounds] = run(ops.get(name), roundNanos);
        }
      }
      double[] base = rates.get(names.get(0));
      for (String name : names) {
        double[] mine = rates.get(name);
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          ratios[r] = mine[r] / base[r];
        }
        System.out.printf("%-12s %-12s %12.0f ops/s  ratio %.3f (middle half %.3f–%.3f)%n", op, name,
            median(mine), median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75));
      }
    } finally {
      for (Contender<Object, Object> c : open) {
        c.close();
      }
      DataSet.deleteTree(dir);
    }
  }

  private static LongSupplier operation(String op, Contender<Object, Object> c) {
    SplittableRandom random = new SplittableRandom(7);
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
      case "insert" -> () -> c.insertBooks(books);
      case "update" -> () -> {
        long id = random.nextLong(1, DataSet.BOOKS + 1);
        return c.updateBook(DataSet.book(id));
      };
      default -> throw new IllegalArgumentException("no operation " + op);
    };
  }

  /** Operations per second over about {@code nanos}. */
  private static double run(LongSupplier op, long nanos) {
    long sink = 0;
    long count = 0;
    long start = System.nanoTime();
    long now;
    do {
      sink += op.getAsLong();
      count++;
      now = System.nanoTime();
    } while (now - start < nanos);
    if (sink == 42) {
      System.out.print("");
    }
    return count * 1e9 / (now - start);
  }

  private static double median(double[] values) {
    return quantile(values, 0.5);
  }

  private static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.round(q * (sorted.length - 1))];
  }
}
