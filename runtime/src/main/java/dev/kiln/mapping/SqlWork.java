package dev.kiln.mapping;

import java.sql.SQLException;

/**
 * A unit of generated JDBC work run on a {@link Conn}: the engine chooses the connection (the
 * thread's transaction, a reader or the writer) and translates any {@link SQLException}.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Conn conn) throws SQLException;
}
