package dev.kiln.internal.fetch;

import dev.kiln.mapping.EntityMapping;
import dev.kiln.mapping.RelationInfo;
import dev.kiln.internal.KeyLists;
import dev.kiln.migrations.dialect.SqlDialect;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fetch plans of one database, one per shape (root entity and paths), so that a query that
 * fetches the same relations again reuses its laid-out statements instead of building them anew.
 *
 * <p>The number of shapes is fixed by the application's code, so the map stays small; it is
 * bounded all the same, for code that composes paths at run time: past {@link #MAX_SHAPES}, a new
 * shape gets a plan of its own for that call.
 */
public final class FetchPlans {

  private static final int MAX_SHAPES = 512;

  /**
   * What a plan depends on: the root's mapping and the paths, whose relation descriptors are
   * constants of the metamodels, told apart by identity.
   *
   * <p>Implementation notes: not a record. A record's {@code equals} and {@code hashCode} run
   * through an {@code invokedynamic} call site whose method-handle chain the JIT folds away in
   * some JVMs and not in others: a lookup took 0.3 µs in one profile of a fetch plan, 3–4.5 µs
   * in two others. Written out, they cost what their loops do, in every JVM.
   */
  private static final class Shape {
    private final EntityMapping<?> root;
    private final List<List<RelationInfo<?, ?>>> paths;
    private final int hash;

    Shape(EntityMapping<?> root, List<List<RelationInfo<?, ?>>> paths) {
      this.root = root;
      this.paths = paths;
      int h = System.identityHashCode(root);
      for (List<RelationInfo<?, ?>> path : paths) {
        for (RelationInfo<?, ?> step : path) {
          h = 31 * h + System.identityHashCode(step);
        }
        h = 31 * h + path.size();
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Shape that) || that.hash != hash || that.root != root
          || that.paths.size() != paths.size()) {
        return false;
      }
      for (int i = 0; i < paths.size(); i++) {
        List<RelationInfo<?, ?>> mine = paths.get(i);
        List<RelationInfo<?, ?>> theirs = that.paths.get(i);
        if (mine.size() != theirs.size()) {
          return false;
        }
        for (int j = 0; j < mine.size(); j++) {
          if (mine.get(j) != theirs.get(j)) {
            return false;
          }
        }
      }
      return true;
    }
  }

  private final Map<Shape, FetchPlan> plans = new ConcurrentHashMap<>();
  private final SqlDialect dialect;
  private final KeyLists keyLists;

  /** The plans of a database on the engine {@code dialect} speaks for. */
  public FetchPlans(SqlDialect dialect, KeyLists keyLists) {
    this.dialect = dialect;
    this.keyLists = keyLists;
  }

  /**
   * The plan that loads {@code paths} with entities of {@code root}; each path is its relations,
   * one step after the other.
   */
  public FetchPlan plan(EntityMapping<?> root, List<List<RelationInfo<?, ?>>> paths) {
    Shape shape = new Shape(root, paths);
    FetchPlan plan = plans.get(shape);
    if (plan == null) {
      plan = FetchPlan.of(root, paths, dialect, keyLists);
      if (plans.size() < MAX_SHAPES) {
        FetchPlan raced = plans.putIfAbsent(shape, plan);
        plan = raced == null ? plan : raced;
      }
    }
    return plan;
  }
}
