package dev.kiln.migrations;

import dev.kiln.KilnException;
import dev.kiln.migrations.script.ScriptException;
import java.util.function.Supplier;
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

  /**
   * {@code work}'s result; a migration file it could not read or run ({@link ScriptException},
   * from {@code kiln-migrations}, which knows nothing of Kiln's exceptions) becomes a
   * {@code MigrationException} with the same message.
   */
  public static <T> T reporting(Supplier<T> work) {
    try {
      return work.get();
    } catch (ScriptException e) {
      throw new MigrationException(e.getMessage(), e);
    }
  }
}
