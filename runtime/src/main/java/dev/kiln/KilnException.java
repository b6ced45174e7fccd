package dev.kiln;

import org.jspecify.annotations.Nullable;

/**
 * The root of every error Kiln raises. Kiln's errors are unchecked and their messages name what
 * they concern: the entity and property, the constraint, or the migration.
 *
 * <p>Subclasses: {@code ConstraintViolationException} (a unique, not-null, foreign-key or check
 * constraint refused a write), {@code OptimisticLockException} (a {@code @Version} conflict),
 * {@code dev.kiln.migrations.MigrationException} and
 * {@code dev.kiln.migrations.SchemaMismatchException}.
 */
public class KilnException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error described by {@code message}. */
  public KilnException(String message) {
    super(message);
  }

  /** An error described by {@code message}, caused by {@code cause}. */
  public KilnException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
