package dev.kiln.migrations.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps that take one schema to another, in the order they must run, with the data they would
 * destroy and the risks they carry.
 *
 * @param changes the steps
 * @param losses what the steps would destroy; a plan with losses is written only when each is
 *     allowed
 * @param risks steps that keep data but can fail on a database with rows
 */
public record MigrationPlan(List<Change> changes, List<DataLoss> losses, List<Risk> risks) {

  public MigrationPlan {
    changes = List.copyOf(changes);
    losses = List.copyOf(losses);
    risks = List.copyOf(risks);
  }

  /** Whether the two schemas are the same. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** This plan with {@code first} run before its own steps. */
  public MigrationPlan after(List<? extends Change> first) {
    List<Change> all = new ArrayList<>(first);
    all.addAll(changes);
    return new MigrationPlan(all, losses, risks);
  }
}
