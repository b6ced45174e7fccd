package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the migration from one schema to another.
 *
 * <p>Steps run in an order in which each is valid: renames first, tables then columns (so later
 * steps see the new names), then dropped and changed indexes, new tables, columns added in place,
 * table rebuilds, dropped tables, and new indexes last. Column order is not compared:
 * {@code ADD COLUMN} can only append, and Kiln names every column it reads.
 */
public final class SchemaDiff {

  private SchemaDiff() {}

  /**
   * The plan from {@code from} to {@code to}, with {@code renames} made first.
   *
   * @param dependents the views and triggers of the database {@code from} was read from, as they
   *     are once the renames are made; they are dropped and re-created around table rebuilds
   */
  public static MigrationPlan plan(
      Schema from, Schema to, Renames renames, List<SchemaObject> dependents) {
    List<Change> renameSteps = renames.steps(from, to);
    return compare(Renames.apply(from, renameSteps), to, dependents).after(renameSteps);
  }

  /** The plan from {@code from} to {@code to}, without renames or views and triggers. */
  public static MigrationPlan compare(Schema from, Schema to) {
    return compare(from, to, List.of());
  }

  private static MigrationPlan compare(Schema from, Schema to, List<SchemaObject> dependents) {
    List<Change> creates = new ArrayList<>();
    List<Change> additions = new ArrayList<>();
    List<Change> rebuilds = new ArrayList<>();
    List<Change> drops = new ArrayList<>();
    List<DataLoss> losses = new ArrayList<>();
    List<Risk> risks = new ArrayList<>();
    Set<String> replaced = new TreeSet<>(); // tables whose indexes come with their own step
    Set<String> rebuilt = new TreeSet<>();
    for (Table table : to.tablesInDependencyOrder()) {
      Table old = from.table(table.name()).orElse(null);
      if (old == null) {
        creates.add(new CreateTable(table));
        replaced.add(key(table.name()));
        continue;
      }
      TableDiff diff = TableDiff.compare(old, table);
      losses.addAll(diff.losses());
      risks.addAll(diff.risks());
      if (diff.inPlace()) {
        additions.addAll(diff.changes());
      } else {
        rebuilds.addAll(diff.changes());
        replaced.add(key(table.name()));
        rebuilt.add(key(table.name()));
      }
    }
    for (Table old : from.tables()) {
      if (to.table(old.name()).isEmpty()) {
        drops.add(new DropTable(old));
        losses.add(new DataLoss(old.name(), null, "table " + old.name() + " and all its rows"));
        replaced.add(key(old.name()));
      }
    }
    List<Change> steps = new ArrayList<>();
    // A hand-written index matters only to a rebuild of its own table; views and triggers may
    // name any table, so they all step aside.
    dependents = dependents.stream()
        .filter(o -> !o.type().equals("index") || rebuilt.contains(key(o.table()))).toList();
    boolean aroundRebuild = !rebuilds.isEmpty() && !dependents.isEmpty();
    if (aroundRebuild) {
      steps.add(new DropDependents(dependents));
    }
    IndexChanges indexes = new IndexChanges(from, to, replaced);
    steps.addAll(indexes.drops);
    steps.addAll(creates);
    steps.addAll(additions);
    steps.addAll(rebuilds);
    steps.addAll(drops);
    steps.addAll(indexes.creates);
    if (aroundRebuild) {
      steps.add(new RecreateDependents(dependents.stream()
          .filter(o -> o.type().equals("view") || to.table(o.table()).isPresent()).toList()));
    }
    return new MigrationPlan(steps, losses, risks);
  }

  /** Index steps for the tables that are neither new, rebuilt nor dropped. */
  private static final class IndexChanges {

    final List<Change> drops = new ArrayList<>();
    final List<Change> creates = new ArrayList<>();

    IndexChanges(Schema from, Schema to, Set<String> replaced) {
      Map<String, Index> before = indexes(from, replaced);
      Map<String, Index> after = indexes(to, replaced);
      before.forEach((name, index) -> {
        if (!same(index, after.get(name)) && !index.name().startsWith(TableDiff.AUTOINDEX)) {
          drops.add(new DropIndex(index));
        }
      });
      after.forEach((name, index) -> {
        if (!same(index, before.get(name))) {
          creates.add(new CreateIndex(index));
        }
      });
    }

    private static Map<String, Index> indexes(Schema schema, Set<String> leftOut) {
      Map<String, Index> byName = new LinkedHashMap<>();
      for (Table table : schema.tables()) {
        if (!leftOut.contains(key(table.name()))) {
          table.indexes().forEach(i -> byName.put(key(i.name()), i));
        }
      }
      return byName;
    }

    private static boolean same(Index a, Index b) {
      return b != null && a.table().equalsIgnoreCase(b.table()) && a.unique() == b.unique()
          && TableDiff.sameNames(a.columns(), b.columns()) && a.modifiers().equals(b.modifiers())
          && java.util.Objects.equals(TableDiff.trimmed(a.where()), TableDiff.trimmed(b.where()));
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
