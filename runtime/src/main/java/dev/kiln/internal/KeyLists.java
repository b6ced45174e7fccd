package dev.kiln.internal;

import dev.kiln.KilnException;
import dev.kiln.internal.sqlite.JsonArrays;
import dev.kiln.migrations.dialect.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/**
 * Binds a list of values to the one parameter of {@link SqlDialect#inBoundList}: on SQLite as a
 * JSON array ({@link JsonArrays}), on PostgreSQL as an SQL array of the values' type. Either way
 * one statement serves any number of values.
 */
public final class KeyLists {

  private KeyLists() {}

  public static void bind(PreparedStatement ps, int index, Collection<?> values)
      throws SQLException {
    if (ps instanceof org.sqlite.jdbc3.JDBC3PreparedStatement) {
      ps.setString(index, JsonArrays.of(values));
      return;
    }
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
  }
}
