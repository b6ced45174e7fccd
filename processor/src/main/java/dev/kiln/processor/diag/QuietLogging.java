package dev.kiln.processor.diag;

/**
 * Keeps SLF4J's start-up notice out of the user's build. The processor speaks through javac's
 * {@code Messager} only, but it runs sqlite-jdbc inside javac, and sqlite-jdbc logs through SLF4J
 * whenever the SLF4J API is on the processor's class path — as it is when a build finds
 * processors on the compile class path next to {@code kiln-runtime}. With no SLF4J provider
 * there (a build tool's class path has none), SLF4J would print "No SLF4J providers were found"
 * into every compilation.
 *
 * <p>SLF4J reads its internal verbosity ({@code slf4j.internal.verbosity}, SLF4J 2.0.10 and
 * later) once, when it first initialises. So Kiln initialises it first, with the verbosity raised
 * to errors for that moment only, then puts the property back as it was: the user's own setting,
 * if any, wins, and nothing else in the build JVM changes.
 */
public final class QuietLogging {

  private static final String VERBOSITY = "slf4j.internal.verbosity";

  private QuietLogging() {}

  /** Initialises SLF4J quietly if the class loader that loads sqlite-jdbc can see it. */
  public static void initialise(ClassLoader loader) {
    if (System.getProperty(VERBOSITY) != null) {
      return;
    }
    Class<?> factory;
    try {
      factory = Class.forName("org.slf4j.LoggerFactory", false, loader);
    } catch (ClassNotFoundException | LinkageError absent) {
      return; // sqlite-jdbc then logs through java.util.logging, which prints nothing here
    }
    System.setProperty(VERBOSITY, "ERROR");
    try {
      factory.getMethod("getILoggerFactory").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException ignored) {
      // An SLF4J too old or too odd to initialise this way: it prints what it prints.
    } finally {
      System.clearProperty(VERBOSITY);
    }
  }
}
