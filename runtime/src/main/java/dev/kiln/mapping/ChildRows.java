package dev.kiln.mapping;

/**
 * Where {@link EntityMapping#readRows} hands the rows of a fetch plan's to-many statement: each
 * child entity with its parent's key and its own, both integers. Kiln's fetch plan is the one
 * implementation; generated mappings only call {@link #add}.
 *
 * <p>An abstract class rather than an interface so that, with its single implementation, the
 * call from each generated loop is a direct one the JIT can inline.
 */
public abstract class ChildRows {

  /** For the one implementation, in Kiln's fetch plan. */
  protected ChildRows() {}

  /**
   * Takes the next row's {@code entity}, a child of the parent keyed {@code parentKey}; rows come
   * grouped by parent. {@code ownKey} is the entity's own key when the plan loads relations of
   * it in turn, 0 otherwise.
   */
  public abstract void add(long parentKey, long ownKey, Object entity);
}
