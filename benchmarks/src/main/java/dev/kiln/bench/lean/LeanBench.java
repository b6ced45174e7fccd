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
 * cost per row and per call shows: a writer by key from 1, 2, 8 and 64 threads; 100 writers with
 * their 1,000 notes loaded eagerly; the same with each note's 3 comments (three levels, 1:N:N);
 * and those 1,000 notes with their 2 tags each (many-to-many). Kiln against hand-written JDBC
 * done well, on SQLite and on PostgreSQL (embedded, on loopback; the {@code -pg} contenders).
 */
@State(Scope.Benchmark)
public class LeanBench {

  /** The writers each eager load reads. */
  public static final int WRITERS = 100;

  @Param({"jdbc", "kiln", "jdbc-pg", "kiln-pg"})
  public String contender;

  private LeanContender c;
  private Path dir;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("kiln-lean");
    c = LeanContender.open(contender, dir);
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
    return find(c, ThreadLocalRandom.current().nextLong(1, LeanData.WRITERS + 1));
  }

  /** Writer {@code id} found by {@code c}, checked. */
  public static Writer find(LeanContender c, long id) {
    Writer w = c.find(id);
    if (w == null || w.id() != id || !w.name().equals(LeanData.name(id))
        || w.rating() != LeanData.rating(id)) {
      throw new AssertionError("expected writer " + id + ", read " + w);
    }
    return w;
  }

  @Benchmark
  public List<Writer> eager() {
    return eager(c, ThreadLocalRandom.current().nextLong(1, LeanData.WRITERS - WRITERS + 2));
  }

  /** {@code c}'s {@value #WRITERS} writers from {@code first} with their notes, checked. */
  public static List<Writer> eager(LeanContender c, long first) {
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

  @Benchmark
  public List<Writer> eagerThreeLevels() {
    return eagerThreeLevels(c,
        ThreadLocalRandom.current().nextLong(1, LeanData.WRITERS - WRITERS + 2));
  }

  /** The same writers with their notes and the notes' comments, checked. */
  public static List<Writer> eagerThreeLevels(LeanContender c, long first) {
    List<Writer> writers = c.withNotesAndComments(first, first + WRITERS - 1);
    Writer w = writers.get(WRITERS - 1);
    Note last = w.notes().get(LeanData.NOTES_PER_WRITER - 1);
    if (writers.size() != WRITERS || last.comments() == null
        || last.comments().size() != LeanData.COMMENTS_PER_NOTE
        || last.comments().get(2).id() != last.id() * LeanData.COMMENTS_PER_NOTE) {
      throw new AssertionError("writer " + w.id() + " came back as " + w);
    }
    return writers;
  }

  @Benchmark
  public List<Note> manyToMany() {
    return manyToMany(c, ThreadLocalRandom.current().nextLong(1, LeanData.WRITERS - WRITERS + 2));
  }

  /** The notes of {@value #WRITERS} writers from {@code first} with their tags, checked. */
  public static List<Note> manyToMany(LeanContender c, long first) {
    List<Note> notes = c.notesWithTags(first, first + WRITERS - 1);
    if (notes.size() != WRITERS * LeanData.NOTES_PER_WRITER) {
      throw new AssertionError("expected " + WRITERS * LeanData.NOTES_PER_WRITER + " notes");
    }
    for (Note n : List.of(notes.get(0), notes.get(notes.size() - 1))) {
      long[] expected = LeanData.tagsOf(n.id());
      if (n.tags() == null || n.tags().size() != 2 || n.tags().get(0).id() != expected[0]
          || n.tags().get(1).id() != expected[1]) {
        throw new AssertionError("note " + n.id() + " came back with " + n.tags());
      }
    }
    return notes;
  }
}
