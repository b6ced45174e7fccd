package dev.kiln.internal;

import dev.kiln.ConstraintViolationException.Kind;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one engine's errors mean to Kiln, for {@link ErrorTranslator}: SQLite says it with
 * extended result codes, PostgreSQL with SQLSTATEs; the messages the user sees are the same.
 */
public interface EngineErrors {

  /** The engine's message without the driver's decoration. */
  String detail(SQLException e);

  /** The kind of constraint {@code e} reports, or null when it is no constraint violation. */
  @Nullable Kind kind(SQLException e);

  /** The {@code {table, column}} pairs a constraint violation names; table may be null. */
  List<String[]> columns(SQLException e);

  /**
   * When {@code e} says the work waited for the database longer than Kiln lets it — for a lock
   * another process or transaction held, or for a connection — what held it and what to change;
   * otherwise null.
   */
  default @Nullable String waitedTooLong(SQLException e) {
    return null;
  }

  /** Whether the transaction was rolled back for conflicting with another: retrying may work. */
  default boolean conflict(SQLException e) {
    return false;
  }
}
