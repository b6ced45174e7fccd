package dev.kiln.mapping;

import java.sql.SQLDataException;

/**
 * A stored value that cannot be read as its property's type, such as {@code 'yesterday'} in an
 * {@code Instant} column, or a NULL where the property is not nullable. It names the column so
 * that the engine's error can name the property, and says how to fix it.
 */
public final class UnreadableValueException extends SQLDataException {

  private static final long serialVersionUID = 1L;

  private final String column;
  private final String fix;

  public UnreadableValueException(String column, String text, String type, Throwable cause) {
    this(column, cause, "column " + column + " holds '" + text + "', which is not a valid " + type,
        "correct the stored value, or map the column to a type that reads it");
  }

  private UnreadableValueException(String column, Throwable cause, String message, String fix) {
    super(message, cause);
    this.column = column;
    this.fix = fix;
  }

  /** A NULL in {@code column}, whose property is not nullable: the table is not the entity's. */
  public static UnreadableValueException nullIn(String column) {
    return new UnreadableValueException(column, null, "column " + column + " is NULL, but the"
        + " property is not nullable", "correct the stored value, or make the property nullable"
        + " and migrate");
  }

  /** The column that holds the value. */
  public String column() {
    return column;
  }

  /** How to fix it, for the error's reader. */
  public String fix() {
    return fix;
  }
}
