package dev.kiln.internal.migrate;

import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.script.Migration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the migrations on the class path with the history of a database and finds the pending
 * ones, refusing every state in which applying them could be wrong: an applied migration that has
 * changed or disappeared, a database migrated further than the code knows, or a hole between the
 * database's version and the next migration.
 */
public final class HistoryCheck {

  private final List<Migration> code;
  private final List<AppliedMigration> history;
  private final Map<Integer, Migration> byVersion;

  /** {@code code} sorted and checked by {@code Migrations.checkSequence}. */
  public HistoryCheck(List<Migration> code, List<AppliedMigration> history) {
    this.code = code;
    this.history = history;
    this.byVersion = code.stream().collect(Collectors.toMap(Migration::version,
        Function.identity()));
  }

  /** The version the database is at: its last applied migration or baseline, or 0. */
  public int current() {
    return history.stream().filter(AppliedMigration::success)
        .mapToInt(AppliedMigration::version).max().orElse(0);
  }

  /** The baseline version, or 0 when the database has none. */
  public int baseline() {
    return history.stream().filter(AppliedMigration::baseline)
        .mapToInt(AppliedMigration::version).max().orElse(0);
  }

  /** Whether the history has no applied migration and no baseline. */
  public boolean isEmpty() {
    return history.stream().noneMatch(AppliedMigration::success);
  }

  /**
   * The migrations still to apply, in order.
   *
   * @throws MigrationException when the history and the code disagree; the message says how to
   *     resolve it
   */
  public List<Migration> pending() {
    int current = current();
    int last = code.isEmpty() ? 0 : code.get(code.size() - 1).version();
    if (current > last) {
      throw new MigrationException("the database has been migrated to V" + current + " ("
          + describe(current) + "), but the migrations of this application "
          + (code.isEmpty() ? "are missing" : "end at V" + last) + ": it was migrated by a newer"
          + " version of the application. Run that version (or a newer one) against it, or"
          + " restore a backup taken before V" + (last + 1));
    }
    for (AppliedMigration row : history) {
      if (!row.success() || row.baseline()) {
        continue;
      }
      Migration m = byVersion.get(row.version());
      if (m == null && row.version() > baseline()) {
        throw new MigrationException("V" + row.version() + " (" + row.script() + ") was applied"
            + " to this database on " + row.appliedAt() + " but is not among the migrations of"
            + " this application. A migration that has been applied must stay: restore "
            + row.script() + " in the migrations folder");
      }
      if (m != null && !m.checksum().equals(row.checksum())) {
        throw new MigrationException(m.script() + " has changed since it was applied to this"
            + " database on " + row.appliedAt() + " (checksum then " + row.checksum()
            + ", now " + m.checksum() + "; " + m.location() + "). A migration that has been"
            + " applied must never change: restore the file as it was (for example with git"
            + " checkout) and write the new change into a new migration");
      }
    }
    for (Migration m : code) {
      boolean applied = history.stream()
          .anyMatch(r -> r.version() == m.version() && r.success());
      if (m.version() <= current && m.version() > baseline() && !applied) {
        throw new MigrationException(m.script() + " has not been applied, but later migrations"
            + " (up to V" + current + ") have: it was added out of order. Give it the next"
            + " free version, V" + (last + 1) + ", if it has not been applied anywhere yet");
      }
    }
    List<Migration> pending = code.stream().filter(m -> m.version() > current).toList();
    if (!pending.isEmpty() && pending.get(0).version() != current + 1) {
      throw new MigrationException("the database is at V" + current + " but the next migration"
          + " is " + pending.get(0).script() + ": "
          + (pending.get(0).version() == current + 2 ? "V" + (current + 1) + " is"
              : "V" + (current + 1) + " to V" + (pending.get(0).version() - 1) + " are")
          + " missing. Restore the missing migrations, or, for a database that existed before"
          + " them, record its state with Migrator.baseline(" + (pending.get(0).version() - 1)
          + ")");
    }
    return pending;
  }

  private String describe(int version) {
    Optional<AppliedMigration> row = history.stream()
        .filter(r -> r.version() == version).findFirst();
    return row.map(r -> r.baseline() ? "a baseline recorded on " + r.appliedAt()
        : r.script() + ", applied on " + r.appliedAt()).orElse("?");
  }
}
