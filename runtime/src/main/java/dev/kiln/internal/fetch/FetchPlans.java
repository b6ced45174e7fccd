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

  /** What a plan depends on: relation descriptors are constants of the metamodels. */
  private record Shape(EntityMapping<?> root, List<List<RelationInfo<?, ?>>> paths) {}

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
