package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import dev.kiln.internal.KeyLists;
import java.util.Collection;

/**
 * Values as one JSON array, bound to a single parameter and unpacked by SQLite's
 * {@code json_each}: one statement for any number of values, with nothing but the array's text
 * varying, and no limit on the number of SQL variables. Values are integers or text, as SQLite
 * stores them, so they compare as stored.
 */
public final class JsonArrays {

  /** Binds a key list as its JSON text, for {@code json_each(?)}. */
  public static final KeyLists KEY_LISTS = (ps, index, values) -> ps.setString(index, of(values));

  private JsonArrays() {}

  /** {@code [1,2,3]} or {@code ["a","b"]}. */
  public static String of(Collection<?> keys) {
    StringBuilder json = new StringBuilder(keys.size() * 8 + 2).append('[');
    for (Object key : keys) {
      if (json.length() > 1) {
        json.append(',');
      }
      if (key instanceof Long || key instanceof Integer || key instanceof Double) {
        json.append(key);
      } else if (key instanceof String text) {
        appendString(json, text);
      } else {
        throw new KilnException("cannot fetch relations of rows keyed by "
            + key.getClass().getSimpleName() + " values; fetch plans need integer or text keys");
      }
    }
    return json.append(']').toString();
  }

  private static void appendString(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
