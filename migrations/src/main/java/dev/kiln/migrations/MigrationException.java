package dev.kiln.migrations;

import dev.kiln.KilnException;
import org.jspecify.annotations.Nullable;

/** A migration could not be applied; the message names the migration and says what to do. */
public class MigrationException extends KilnException {

  private static final long serialVersionUID = 1L;

  public MigrationException(String message) {
    super(message);
  }

  public MigrationException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
