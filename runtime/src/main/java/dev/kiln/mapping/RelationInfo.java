package dev.kiln.mapping;

/**
 * What one {@code @Relation} joins, generated into the metamodel. Column names are SQL names;
 * the fetch planner turns them into joins and keyed statements.
 *
 * @param <S> the entity that declares the relation
 * @param <T> the related entity
 */
public final class RelationInfo<S, T> {

  /** How the related rows are found. */
  public enum Kind {
    /** {@code @Relation(foreignKey = "x")}: this row's {@code x} is the target's key. */
    TO_ONE,
    /** {@code @Relation(mappedBy = "x") T}: the target row whose {@code x} is this row's key. */
    TO_ONE_INVERSE,
    /** {@code @Relation(mappedBy = "x") List<T>}: the target rows whose {@code x} is this key. */
    TO_MANY,
    /** {@code @Relation(through = J.class) List<T>}: targets linked by junction rows. */
    MANY_TO_MANY;

    /** Whether the relation loads a list (and so its own statement). */
    public boolean many() {
      return this == TO_MANY || this == MANY_TO_MANY;
    }
  }

  private final Kind kind;
  private final String name;
  private final int index;
  private final EntityMapping<S> source;
  private final EntityMapping<T> target;
  private final String sourceColumn;
  private final String targetColumn;
  private final String junctionTable;
  private final String junctionSourceColumn;
  private final String junctionTargetColumn;

  private RelationInfo(Kind kind, String name, int index, EntityMapping<S> source,
      EntityMapping<T> target, String sourceColumn, String targetColumn, String junctionTable,
      String junctionSourceColumn, String junctionTargetColumn) {
    this.kind = kind;
    this.name = name;
    this.index = index;
    this.source = source;
    this.target = target;
    this.sourceColumn = sourceColumn;
    this.targetColumn = targetColumn;
    this.junctionTable = junctionTable;
    this.junctionSourceColumn = junctionSourceColumn;
    this.junctionTargetColumn = junctionTargetColumn;
  }

  /**
   * {@code @Relation(foreignKey)}: {@code foreignKeyColumn} of the source holds the key of the
   * target.
   */
  public static <S, T> RelationInfo<S, T> toOne(String name, int index, EntityMapping<S> source,
      EntityMapping<T> target, String foreignKeyColumn) {
    return new RelationInfo<>(Kind.TO_ONE, name, index, source, target, foreignKeyColumn,
        single(target), null, null, null);
  }

  /** {@code @Relation(mappedBy) T}: {@code foreignKeyColumn} of the target holds the source key. */
  public static <S, T> RelationInfo<S, T> toOneInverse(String name, int index,
      EntityMapping<S> source, EntityMapping<T> target, String foreignKeyColumn) {
    return new RelationInfo<>(Kind.TO_ONE_INVERSE, name, index, source, target, single(source),
        foreignKeyColumn, null, null, null);
  }

  /** {@code @Relation(mappedBy) List<T>}. */
  public static <S, T> RelationInfo<S, T> toMany(String name, int index,
      EntityMapping<S> source, EntityMapping<T> target, String foreignKeyColumn) {
    return new RelationInfo<>(Kind.TO_MANY, name, index, source, target, single(source),
        foreignKeyColumn, null, null, null);
  }

  /**
   * {@code @Relation(through = J.class)}: rows of {@code junctionTable} pair
   * {@code junctionSourceColumn} (a source key) with {@code junctionTargetColumn} (a target key).
   */
  public static <S, T> RelationInfo<S, T> manyToMany(String name, int index,
      EntityMapping<S> source, EntityMapping<T> target, String junctionTable,
      String junctionSourceColumn, String junctionTargetColumn) {
    return new RelationInfo<>(Kind.MANY_TO_MANY, name, index, source, target, single(source),
        single(target), junctionTable, junctionSourceColumn, junctionTargetColumn);
  }

  private static String single(EntityMapping<?> mapping) {
    return mapping.info().keyColumns().get(0);
  }

  public Kind kind() {
    return kind;
  }

  /** The relation property's name. */
  public String name() {
    return name;
  }

  /** The relation's position among its entity's relations, as {@code withRelations} takes them. */
  public int index() {
    return index;
  }

  public EntityMapping<S> source() {
    return source;
  }

  public EntityMapping<T> target() {
    return target;
  }

  /** The source-side column: its foreign key (to-one) or its key (the others). */
  public String sourceColumn() {
    return sourceColumn;
  }

  /** The target-side column: its key (to-one, many-to-many) or its foreign key (the others). */
  public String targetColumn() {
    return targetColumn;
  }

  public String junctionTable() {
    return junctionTable;
  }

  public String junctionSourceColumn() {
    return junctionSourceColumn;
  }

  public String junctionTargetColumn() {
    return junctionTargetColumn;
  }

  @Override
  public String toString() {
    return source.info().entity() + "." + name;
  }
}
