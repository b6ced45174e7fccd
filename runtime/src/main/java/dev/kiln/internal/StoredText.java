package dev.kiln.internal;

import dev.kiln.mapping.UnreadableValueException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads a value Kiln stores as text, on any engine. */
public final class StoredText {

  private StoredText() {}

  /** Turns stored text into a value. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text);
  }

  /**
   * Parses {@code text}, read by the engine's own means from column {@code index} of {@code rs};
   * text that does not parse (written by another tool, or by hand) becomes an
   * {@link UnreadableValueException} naming the column, which the engine reports as a
   * {@code KilnException} naming the entity's property.
   */
  public static <T> T parse(ResultSet rs, int index, String text, String type, Parser<T> parser)
      throws SQLException {
    if (text == null) {
      return null;
    }
    try {
      return parser.parse(text);
    } catch (RuntimeException e) {
      throw new UnreadableValueException(rs.getMetaData().getColumnName(index), text, type, e);
    }
  }
}
