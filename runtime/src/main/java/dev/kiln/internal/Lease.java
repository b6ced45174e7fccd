package dev.kiln.internal;

import java.sql.SQLException;

/** A {@link Session} lent for one unit of work; closing gives it back. */
public interface Lease extends AutoCloseable {

  Session session();

  @Override
  void close() throws SQLException;
}
