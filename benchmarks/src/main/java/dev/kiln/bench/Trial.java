package dev.kiln.bench;

import dev.kiln.bench.contenders.Contender;
import dev.kiln.bench.contenders.Contenders;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.data.PostgresDataSet;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One trial of one benchmark for one contender: a fresh copy of the data set (a SQLite file in a
 * temporary directory, or a PostgreSQL database for the PostgreSQL contenders) and the contender
 * opened on it. JMH runs every benchmark and contender in a JVM of
 * its own, so no contender warms or pollutes another one's caches, JIT profile or file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The heap touched at start, so that no iteration pays page faults for the young generation's
// first pass (see ContenderProcess.start)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class Trial {

  protected Contender<Object, Object> c;
  /** The JDBC URL of this trial's copy of the data set. */
  protected String url;
  private Path dir;

  /** The value of the subclass's {@code @Param contender}. */
  protected abstract String contender();

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("kiln-bench");
    if (Contenders.onPostgres(contender())) {
      url = PostgresDataSet.copy();
      c = Contenders.openOnPostgres(contender(), url);
    } else {
      Path file = DataSet.copyTo(dir);
      url = "jdbc:sqlite:" + file;
      c = Contenders.open(contender(), file);
    }
  }

  /** A connection of its own to the trial's database, for checks beside the contender's. */
  protected Connection side() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** Whether the trial runs on SQLite. */
  protected boolean sqlite() {
    return url.startsWith("jdbc:sqlite:");
  }

  @TearDown(Level.Trial)
  public void close() {
    try {
      if (c != null) {
        c.close();
      }
    } finally {
      DataSet.deleteTree(dir);
    }
  }
}
