package dev.kiln.migrations.script;

/**
 * A migration file that cannot be read, named or run: the message names the file, the line and
 * the statement. The migrator in {@code kiln-runtime} reports it as a
 * {@code dev.kiln.migrations.MigrationException}; the processor as a compile error.
 */
public class ScriptException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ScriptException(String message) {
    super(message);
  }

  public ScriptException(String message, Throwable cause) {
    super(message, cause);
  }
}
