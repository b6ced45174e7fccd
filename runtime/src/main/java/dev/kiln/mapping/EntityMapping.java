package dev.kiln.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How Kiln reads one entity and recognises it; implemented by each generated repository's nested
 * {@code Mapping} class, without reflection.
 *
 * @param <E> the entity
 */
public interface EntityMapping<E> {

  /** The entity's names. */
  EntityInfo info();

  /**
   * Reads an entity from the current row, whose columns from {@code first} on are
   * {@code info().columns()} in order. Relations are left null.
   */
  E read(ResultSet rs, int first) throws SQLException;

  /** The entity's primary key: the value itself, or a {@code List} of a composite key's parts. */
  Object key(E entity);

  /**
   * The value of the property stored in column {@code index} of {@code info().columns()}, as
   * the entity holds it (a typed query's keyset page reads the last row's values so).
   */
  Object value(E entity, int index);

  /**
   * {@link #value} of an integer column as a {@code long}: what a fetch plan reads each child's
   * parent key with. Generated mappings answer for their primitive integer properties without
   * boxing the value (a boxed {@code long} cannot be optimized away, and a fetch plan asks once
   * for every child row); this default unboxes what {@code value} gives.
   */
  default long longValue(E entity, int index) {
    return ((Number) value(entity, index)).longValue();
  }

  /**
   * Reads the remaining rows of {@code rs}, a fetch plan's statement of a to-many relation, as
   * entities whose columns start at {@code first}, and hands each to {@code rows} with its
   * parent's key (integer property {@code parentKey}, or the row's first column, a junction's,
   * when that is -1) and its own (integer property {@code ownKey}, or 0 when that is -1).
   * Returns how many rows it read.
   *
   * <p>Generated mappings override this with the same loop: each entity type then has a loop of
   * its own in which {@code read} and {@code longValue} are calls to its own final class, which
   * the JIT inlines, where this one loop, shared by every entity type, calls them through the
   * interface - an itable stub per call on every child row once there are three or more types.
   */
  default int readRows(ResultSet rs, int first, int parentKey, int ownKey, ChildRows rows)
      throws SQLException {
    int count = 0;
    while (rs.next()) {
      E entity = read(rs, first);
      rows.add(parentKey < 0 ? rs.getLong(1) : longValue(entity, parentKey),
          ownKey < 0 ? 0 : longValue(entity, ownKey), entity);
      count++;
    }
    return count;
  }

  /**
   * Refuses an entity that would break a {@code NOT NULL} column, or holds a value Kiln cannot
   * store exactly ({@code dev.kiln.spi.StorableValues}, and on PostgreSQL what its types would
   * change), before any SQL runs, with a {@code KilnException} naming the property.
   */
  void check(E entity, dev.kiln.Dialect dialect);

  /**
   * A copy safe to share through the entity cache, so that a caller changing its instance does
   * not change the cache: a class is copied, with its arrays and converted values copied too; a
   * record is returned as it is unless it holds such values, which are then copied.
   */
  default E copy(E entity) {
    return entity;
  }

  /** The number of {@code @Relation} properties, which {@link #withRelations} takes in order. */
  default int relationCount() {
    return 0;
  }

  /**
   * {@code entity} with its relation properties set to {@code relations} (one per relation, in
   * declaration order; null where a relation was not fetched): a new instance, so that records
   * stay immutable.
   */
  default E withRelations(E entity, Object[] relations) {
    return entity;
  }
}
