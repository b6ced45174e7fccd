package dev.kiln.internal;

import java.sql.SQLException;
import java.util.List;

/** What each engine does for {@code db.maintenance()}. */
public interface EngineMaintenance {

  /** Refreshes the planner's statistics. */
  void optimize() throws SQLException;

  /** Folds the write-ahead log into the database; whether it was emptied. */
  boolean checkpoint() throws SQLException;

  /** Reclaims free pages. */
  void vacuum() throws SQLException;

  /** The problems found; empty when the database is sound. */
  List<String> integrityCheck() throws SQLException;
}
