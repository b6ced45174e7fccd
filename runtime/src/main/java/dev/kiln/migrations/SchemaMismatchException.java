package dev.kiln.migrations;

import dev.kiln.KilnException;
import java.util.List;

/**
 * The live database does not have the schema the application was compiled against. The message
 * lists each difference and the SQL that would reconcile it.
 */
public class SchemaMismatchException extends KilnException {

  private static final long serialVersionUID = 1L;

  private final List<String> differences;

  public SchemaMismatchException(String message, List<String> differences) {
    super(message);
    this.differences = List.copyOf(differences);
  }

  /** Each difference, one line each. */
  public List<String> differences() {
    return differences;
  }
}
