package dev.kiln;

import org.jspecify.annotations.Nullable;

/**
 * SQLite refused a write because it broke a constraint. The message names the entity and the
 * properties concerned ({@code Author.email}) and the database is left as it was before the
 * statement.
 */
public class ConstraintViolationException extends KilnException {

  private static final long serialVersionUID = 1L;

  /** The kind of constraint that was violated. */
  public enum Kind {
    /** A {@code UNIQUE} constraint or unique index. */
    UNIQUE,
    /** The primary key is already used. */
    PRIMARY_KEY,
    /** A {@code NOT NULL} column got a null. */
    NOT_NULL,
    /** A foreign key references a missing row, or a referenced row would be removed. */
    FOREIGN_KEY,
    /** A {@code CHECK} constraint, including a value of the wrong type in a STRICT table. */
    CHECK,
    /** Any other constraint SQLite reports. */
    OTHER
  }

  private final Kind kind;
  private final String entity;

  public ConstraintViolationException(
      Kind kind, String entity, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.entity = entity;
  }

  /** Which kind of constraint was violated. */
  public Kind kind() {
    return kind;
  }

  /** The simple name of the entity written, or the table name when it is not known. */
  public String entity() {
    return entity;
  }
}
