package dev.kiln.bench;

import dev.kiln.bench.data.DataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Which online backup holds writers up less: {@code VACUUM INTO} or SQLite's online backup API
 * (sqlite-jdbc's {@code backup to}). A writer thread updates one row at a time, each in its own
 * transaction, on the benchmark data set (about 20 MB) while the other thread backs it up; the
 * writer's latencies during the backup are compared with those of a run without one.
 *
 * <pre>java -cp benchmarks/target/kiln-benchmarks.jar dev.kiln.bench.BackupWriterHold</pre>
 */
public final class BackupWriterHold {

  private BackupWriterHold() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("kiln-backup-hold");
    try {
      Path file = DataSet.copyTo(dir);
      for (int round = 0; round < 3; round++) {
        report("no backup", measure(file, null));
        report("VACUUM INTO", measure(file, c -> {
          Path target = dir.resolve("vacuum-" + System.nanoTime() + ".db");
          try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, target.toString());
            ps.execute();
          }
        }));
        report("backup API", measure(file, c -> {
          Path target = dir.resolve("api-" + System.nanoTime() + ".db");
          try (Statement st = c.createStatement()) {
            st.executeUpdate("backup to " + target);
          }
        }));
      }
    } finally {
      DataSet.deleteTree(dir);
    }
  }

  /** A backup, on its own connection. */
  private interface Backup {
    void run(Connection c) throws Exception;
  }

  /** The writer's latencies while {@code backup} runs (or for 2 s without one), and its time. */
  private record Run(Histogram writes, long backupMillis) {}

  private static Run measure(Path file, Backup backup) throws Exception {
    String url = "jdbc:sqlite:" + file;
    Histogram writes = new Histogram(60_000_000_000L, 3);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong id = new AtomicLong(1);
    Thread writer = new Thread(() -> {
      try (Connection c = DriverManager.getConnection(url);
          Statement setup = c.createStatement()) {
        setup.execute("PRAGMA journal_mode = WAL");
        setup.execute("PRAGMA synchronous = NORMAL");
        setup.execute("PRAGMA busy_timeout = 10000");
        try (PreparedStatement ps = c.prepareStatement("UPDATE book SET title = ? WHERE id = ?")) {
          while (running.get()) {
            long start = System.nanoTime();
            ps.setString(1, "t" + start);
            ps.setLong(2, id.getAndIncrement() % DataSet.BOOKS + 1);
            ps.executeUpdate();
            writes.recordValue(System.nanoTime() - start);
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    Thread.sleep(300);
    long start = System.nanoTime();
    if (backup == null) {
      Thread.sleep(2_000);
    } else {
      try (Connection c = DriverManager.getConnection(url)) {
        backup.run(c);
      }
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    running.set(false);
    writer.join();
    return new Run(writes, took);
  }

  private static void report(String what, Run run) {
    Histogram h = run.writes();
    System.out.printf(Locale.ROOT, "%-12s backup %5d ms; writes %6d, p50 %.3f ms, p99 %.3f ms,"
        + " max %.1f ms%n", what, run.backupMillis(), h.getTotalCount(),
        h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
        h.getMaxValue() / 1e6);
  }
}
