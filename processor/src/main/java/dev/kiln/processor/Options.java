package dev.kiln.processor;

/** The processor options ({@code -Akey=value}) Kiln reads. */
final class Options {

  /** The source folder migrations are read from and written to. */
  static final String MIGRATIONS = "kiln.migrations";

  /**
   * The tables ({@code note}) and columns ({@code book.isbn}) whose data the next migration may
   * destroy, separated by commas.
   */
  static final String ALLOW_DESTRUCTIVE = "kiln.allowDestructive";

  /**
   * The engines to write migrations for, separated by commas: {@code sqlite} (the default),
   * {@code postgresql}, or both; PostgreSQL's go into {@code <kiln.migrations>/postgresql/}.
   */
  static final String DIALECTS = "kiln.dialects";

  /** {@code warn} or {@code error}: what a query that scans a table without an index gets. */
  static final String PLAN_CHECK = "kiln.planCheck";

  private Options() {}

  /** Whether {@code -Akiln.planCheck=error} turns scan warnings into errors. */
  static boolean plansAreErrors(javax.annotation.processing.ProcessingEnvironment env) {
    return "error".equalsIgnoreCase(env.getOptions().get(PLAN_CHECK));
  }
}
