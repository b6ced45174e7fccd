package dev.kiln.internal;

import dev.kiln.migrations.dialect.SqlDialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Binds a list of values to the one parameter of {@link SqlDialect#inBoundList}, so that one
 * statement serves any number of values: on SQLite as a JSON array, on PostgreSQL as an SQL array
 * of the values' type.
 */
@FunctionalInterface
public interface KeyLists {

  /** Binds {@code values}, at least one, all of one type, as parameter {@code index}. */
  void bind(PreparedStatement ps, int index, Collection<?> values) throws SQLException;
}
