package dev.kiln.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One contender of {@link Compare} in a JVM of its own, timing one round of the operation each
 * time it is asked and idle in between. The parent asks each contender's JVM in turn, so rounds of
 * different contenders lie a fraction of a second apart and a change in the machine's speed
 * reaches them alike; yet no two contenders share a JVM, whose JIT would profile sqlite-jdbc and
 * HikariCP for both at once.
 *
 * <p>The conversation is lines of text: the child prints {@code READY} once its data set is open;
 * each {@code round} on its standard input makes it print {@code ROUND <ops/s> <ops/cpu-s>
 * <bytes/op>}; the end of its input ends it. Anything else it prints is passed on to standard
 * error, named.
 */
final class ContenderProcess implements AutoCloseable {

  /** Separates a contender from the class path it runs from: {@code kiln-pg@old.jar}. */
  static final char BUILD = '@';

  private final String name;
  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private ContenderProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /**
   * Starts {@code name} on {@code op} in a new JVM with the same heap for all, passing on the
   * system properties that shape a round. It opens its data set while the caller starts others.
   *
   * <p>The heap is touched once when the JVM starts ({@code -XX:+AlwaysPreTouch}): otherwise the
   * rounds run during the JVM's first pass through its young generation, where every new 4 kB
   * page of the heap costs the allocating thread a page fault, and the thread's CPU time then
   * measures the bytes a contender allocates far more than the work it does (hand-written JDBC's
   * PostgreSQL report took 110 µs of CPU a call that way, 38 µs with the heap touched).
   */
  static ContenderProcess start(String op, String name) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Dcompare.child=true"));
    for (String property : List.of("roundMillis", "threads", "warmup", "compare.profile",
        "compare.profile.event", "compare.mixed", "mixMillis")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    if (System.getProperty("compare.profile") != null) {
      // Without debug information between safepoints the profiler credits code inlined into a
      // compiled method to whichever inlined frame has the nearest safepoint: a whole call's
      // work can show up as one unrelated method.
      command.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints"));
    }
    // kiln-pg@old.jar: the contender as another build of the suite has it, for old against new.
    int at = name.indexOf(BUILD);
    String classPath = at < 0 ? System.getProperty("java.class.path") : name.substring(at + 1);
    String contender = at < 0 ? name : name.substring(0, at);
    command.addAll(List.of("-cp", classPath, Compare.class.getName(), op, contender));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    return new ContenderProcess(name, process);
  }

  /** Waits until the contender has opened its data set. */
  void awaitReady() throws IOException {
    await("READY");
  }

  /** Times one round: ops per second of the clock and of CPU time, and bytes per op. */
  double[] round() throws IOException {
    in.println("round");
    String[] parts = await("ROUND").split(" ");
    return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
        Double.parseDouble(parts[3])};
  }

  /** The next line starting with {@code word}, passing on the lines before it. */
  private String await(String word) throws IOException {
    for (String line; (line = out.readLine()) != null; ) {
      if (line.startsWith(word)) {
        return line;
      }
      passOn(line);
    }
    throw new IllegalStateException(name + " ended before printing " + word);
  }

  /** Passes a line the contender printed on to standard error, named (not its slow-query log). */
  private void passOn(String line) {
    if (!line.isBlank() && !line.contains("dev.kiln.slow")) {
      System.err.println(name + ": " + line);
    }
  }

  /**
   * Ends the contender's input, which ends it, and waits for it, passing on what it prints as it
   * ends (a profile's summary, an error).
   */
  @Override
  public void close() throws IOException {
    in.close();
    for (String line; (line = out.readLine()) != null; ) {
      passOn(line);
    }
    try {
      if (process.waitFor() != 0) {
        throw new IllegalStateException(name + " failed with exit code " + process.exitValue());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while " + name + " ended", e);
    }
  }
}
