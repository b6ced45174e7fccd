package dev.kiln.bench.lean;

import dev.kiln.bench.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The lean schema (integers, short text, REALs), where reading values is cheap and Kiln's own
 * cost per row and per call shows: a writer by key from 1, 2, 8 and 64 threads, and 100 writers
 * with their 1,000 notes loaded eagerly. Kiln against hand-written JDBC done well.
 */
@State(Scope.Benchmark)
public class LeanBench {

  static final int WRITERS = 100;

  @Param({"jdbc", "kiln"})
  public String contender;

  private LeanContender c;
  private Path dir;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("kiln-lean");
    Path file = LeanData.copyTo(dir);
    c = contender.equals("kiln") ? new KilnLean(file) : new JdbcLean(file);
  }

  @TearDown(Level.Trial)
  public void close() {
    try {
      c.close();
    } finally {
      DataSet.deleteTree(dir);
    }
  }

  @Benchmark
  public Writer findOneThread() {
    return find();
  }

  @Benchmark
  @Threads(2)
  public Writer findTwoThreads() {
    return find();
  }

  @Benchmark
  @Threads(8)
  public Writer findEightThreads() {
    return find();
  }

  @Benchmark
  @Threads(64)
  public Writer findSixtyFourThreads() {
    return find();
  }

  private Writer find() {
    long id = ThreadLocalRandom.current().nextLong(1, LeanData.WRITERS + 1);
    Writer w = c.find(id);
    if (w == null || w.id() != id || !w.name().equals(LeanData.name(id))
        || w.rating() != LeanData.rating(id)) {
      throw new AssertionError("expected writer " + id + ", read " + w);
    }
    return w;
  }

  @Benchmark
  public List<Writer> eager() {
    long first = ThreadLocalRandom.current().nextLong(1, LeanData.WRITERS - WRITERS + 2);
    List<Writer> writers = c.withNotes(first, first + WRITERS - 1);
    if (writers.size() != WRITERS) {
      throw new AssertionError("expected " + WRITERS + " writers, read " + writers.size());
    }
    for (int i = 0; i < WRITERS; i++) {
      Writer w = writers.get(i);
      List<Note> notes = w.notes();
      if (w.id() != first + i || notes == null || notes.size() != LeanData.NOTES_PER_WRITER
          || notes.get(9).id() != (first + i) * LeanData.NOTES_PER_WRITER
          || notes.get(9).weight() != LeanData.weight(notes.get(9).id())) {
        throw new AssertionError("writer " + (first + i) + " came back as " + w);
      }
    }
    return writers;
  }
}
