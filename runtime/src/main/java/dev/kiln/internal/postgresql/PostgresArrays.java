package dev.kiln.internal.postgresql;

import dev.kiln.KilnException;
import dev.kiln.internal.KeyLists;
import java.util.UUID;

/**
 * Key lists as one SQL array of the keys' type, for {@code = ANY(?)}: one statement for any number
 * of keys, planned once by the server.
 */
public final class PostgresArrays {

  /** Binds a key list as an array of the keys' type: {@code bigint}, {@code text}, {@code uuid}… */
  public static final KeyLists KEY_LISTS = (ps, index, values) -> {
    Object first = values.iterator().next();
    String type = first instanceof Long ? "bigint"
        : first instanceof Integer ? "integer"
        : first instanceof Short ? "smallint"
        : first instanceof String ? "text"
        : first instanceof UUID ? "uuid"
        : null;
    if (type == null) {
      throw new KilnException("cannot bind a list of " + first.getClass().getSimpleName()
          + " values as one parameter; fetch plans need integer, text or UUID keys");
    }
    ps.setArray(index, ps.getConnection().createArrayOf(type, values.toArray()));
  };

  private PostgresArrays() {}
}
