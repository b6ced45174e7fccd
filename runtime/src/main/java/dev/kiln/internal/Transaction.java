package dev.kiln.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The transaction bound to a thread: its connection, whether it may write, how deeply savepoints
 * are nested, and what to do once it commits (cache evictions).
 */
public final class Transaction {

  final Session connection;
  final boolean write;
  int savepoints;
  private List<Runnable> afterCommit;

  Transaction(Session connection, boolean write) {
    this.connection = connection;
    this.write = write;
  }

  public Session connection() {
    return connection;
  }

  public boolean write() {
    return write;
  }

  /** Runs {@code action} once the outermost transaction has committed; never on rollback. */
  void afterCommit(Runnable action) {
    if (afterCommit == null) {
      afterCommit = new ArrayList<>();
    }
    afterCommit.add(action);
  }

  void committed() {
    if (afterCommit != null) {
      afterCommit.forEach(Runnable::run);
    }
  }
}
