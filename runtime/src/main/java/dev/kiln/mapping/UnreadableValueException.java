package dev.kiln.mapping;

import java.sql.SQLDataException;

/**
 * A stored value that cannot be read as its property's type, such as {@code 'yesterday'} in an
 * {@code Instant} column. It names the column so that the engine's error can name the property.
 */
public final class UnreadableValueException extends SQLDataException {

  private static final long serialVersionUID = 1L;

  private final String column;

  public UnreadableValueException(String column, String text, String type, Throwable cause) {
    super("column " + column + " holds '" + text + "', which is not a valid " + type, cause);
    this.column = column;
  }

  /** The column that holds the value. */
  public String column() {
    return column;
  }
}
