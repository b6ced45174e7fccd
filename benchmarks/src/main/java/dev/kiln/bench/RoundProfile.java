package dev.kiln.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import one.profiler.AsyncProfiler;

/**
 * Where one contender of {@link Compare} spends its CPU time, sampled by async-profiler over its
 * timed rounds ({@code -Dcompare.profile=<folder>}): the samples go to
 * {@code <folder>/<operation>-<contender>-<pid>.collapsed} (one line per stack, for any flame
 * graph tool), and a summary is printed: the CPU time a call spent in Kiln, in the benchmark's own
 * code (the contenders and the repositories Kiln generated for them), in the driver, the pool and
 * the rest (the JDK, the JVM, the kernel), then the frames that spent most of it.
 *
 * <p>Implementation notes: a sample belongs to the innermost frame of a known package on its
 * stack, so that JDK code a method calls (a list's {@code add}, a copy of an array) counts as that
 * method's. Only the threads running the operation are counted; JIT compilation and garbage
 * collection, which run on threads of their own, are in the file but not in the summary. With
 * one sample per millisecond of CPU time, a call's share is samples × 1 ms / calls.
 *
 * <p>With {@code -Dcompare.profile.event=alloc} it samples allocations instead: the file holds
 * the bytes each stack allocated (the innermost frame is the class allocated), and the summary
 * gives bytes a call by owner and frame — where a contender's bytes per operation come from.
 */
final class RoundProfile {

  /** Where a frame's package says its sample goes, in the order the summary prints them. */
  private static final String[][] OWNERS = {
      {"benchmark", "dev/kiln/bench/"},
      {"kiln", "dev/kiln/"},
      {"driver", "org/sqlite/", "org/postgresql/"},
      {"pool", "com/zaxxer/hikari/"},
      {"cache & metrics", "com/github/benmanes/", "io/micrometer/", "org/HdrHistogram/"}};
  private static final String OTHER = "JDK, JVM, kernel";
  private static final String THREAD = "compare-";
  private static final int TOP_FRAMES = 15;

  private final Path file;
  private final String name;
  private final AsyncProfiler profiler;
  private final Event event;

  /** What is sampled, and how its samples read as an amount a call. */
  private enum Event {
    CPU("start,event=cpu,interval=1ms,cstack=vm,threads", "collapsed", 1000.0, "µs",
        "µs of CPU time", "spent most"),
    // Each stack's bytes ("total") rather than its number of samples.
    ALLOC("start,event=alloc,alloc=1024,threads", "collapsed,total", 1.0, "B ",
        "bytes allocated", "allocated most");

    final String start;
    final String dump;
    /** A sample's amount, in {@link #unit}, before it is divided by the calls. */
    final double perSample;
    final String unit;
    final String what;
    final String most;

    Event(String start, String dump, double perSample, String unit, String what, String most) {
      this.start = start;
      this.dump = dump;
      this.perSample = perSample;
      this.unit = unit;
      this.what = what;
      this.most = most;
    }
  }

  private RoundProfile(Path folder, String op, String name) {
    this.file = folder.resolve(op + "-" + name + "-" + ProcessHandle.current().pid()
        + ".collapsed");
    this.name = name;
    this.profiler = AsyncProfiler.getInstance();
    this.event = "alloc".equals(System.getProperty("compare.profile.event")) ? Event.ALLOC
        : Event.CPU;
  }

  /** The profile of {@code name} running {@code op}, or null unless one was asked for. */
  static RoundProfile ifAsked(String op, String name) {
    String folder = System.getProperty("compare.profile");
    return folder == null ? null : new RoundProfile(Path.of(folder), op, name);
  }

  /** The name a thread running the operation gets, so that the summary can find its samples. */
  static String threadName(int index) {
    return THREAD + index;
  }

  /** Starts sampling every thread: its CPU time once a millisecond, or its allocations. */
  void start() {
    run(event.start);
  }

  /** Stops sampling, writes the samples' file and prints the summary over {@code calls}. */
  void stop(long calls) {
    run("stop");
    String collapsed = run(event.dump);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, collapsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.print(summary(collapsed, calls));
  }

  private String run(String command) {
    try {
      return profiler.execute(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The summary of {@code collapsed} (async-profiler's collapsed stacks) over {@code calls}. */
  private String summary(String collapsed, long calls) {
    Map<String, Long> byOwner = new HashMap<>();
    Map<String, Long> byFrame = new HashMap<>();
    long samples = 0;
    for (String line : collapsed.split("\n")) {
      int space = line.lastIndexOf(' ');
      // With "threads", a stack starts with its thread: [compare-0 tid=4242]
      if (space < 0 || !line.startsWith("[" + THREAD)) {
        continue;
      }
      long count = Long.parseLong(line.substring(space + 1));
      String[] frames = line.substring(0, space).split(";");
      String owner = null;
      String frame = frames[frames.length - 1];
      for (int i = frames.length - 1; i > 0 && owner == null; i--) {
        owner = ownerOf(frames[i]);
        frame = owner == null ? frame : frames[i];
      }
      owner = owner == null ? OTHER : owner;
      samples += count;
      byOwner.merge(owner, count, Long::sum);
      if (event == Event.ALLOC) {
        frame += " → " + frames[frames.length - 1]; // what it allocated
      }
      byFrame.merge(frame.replace('/', '.'), count, Long::sum);
    }
    double perCall = event.perSample / Math.max(1, calls);
    String unit = event.unit;
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "PROFILE %s: %.1f %s a call over %,d calls, in %s%n", name, samples * perCall,
        event.what, calls, file));
    List<String> owners = new ArrayList<>();
    for (String[] owner : OWNERS) {
      owners.add(owner[0]);
    }
    owners.add(OTHER);
    for (String owner : owners) {
      out.append(String.format(Locale.ROOT, "  %8.1f %s  %s%n",
          byOwner.getOrDefault(owner, 0L) * perCall, unit, owner));
    }
    out.append("  the frames that " + event.most + " (with the JDK code each calls):\n");
    byFrame.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP_FRAMES)
        .forEach(e -> out.append(String.format(Locale.ROOT, "  %8.1f %s  %s%n",
            e.getValue() * perCall, unit, e.getKey())));
    return out.toString();
  }

  /** The owner of a frame named {@code frame} ({@code dev/kiln/Foo.bar}), or null for others. */
  private static String ownerOf(String frame) {
    for (String[] owner : OWNERS) {
      for (int i = 1; i < owner.length; i++) {
        if (frame.startsWith(owner[i])) {
          return owner[0];
        }
      }
    }
    return null;
  }
}
