package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Table} entity, parsed: everything the writers need, and nothing they must look up
 * in javac's element model again.
 *
 * @param element the entity type
 * @param type the entity's class name
 * @param table the table name
 * @param strict whether the table is {@code STRICT}
 * @param record whether the entity is a record (immutable: no copies needed for the cache)
 * @param columns the persisted properties in declaration order
 * @param construction how instances are created
 * @param indexes the {@code @Index} annotations
 * @param relations the {@code @Relation} properties in declaration order
 * @param renamedFrom the table's former name ({@code @Table(renamedFrom)}), or null
 */
public record EntityModel(
    TypeElement element,
    ClassName type,
    String table,
    boolean strict,
    boolean record,
    List<PropertyModel> columns,
    Construction construction,
    List<IndexModel> indexes,
    List<RelationModel> relations,
    String renamedFrom) {

  public EntityModel {
    columns = List.copyOf(columns);
    indexes = List.copyOf(indexes);
    relations = List.copyOf(relations);
  }

  /**
   * The columns that tell every row apart in their own order: NOT NULL, unique on their own
   * ({@code @Column(unique = true)}, or a one-property unique {@code @Index} without a
   * condition), of a type whose stored form orders as its values do — not decimals or big
   * integers (text that orders by value, where {@code 1.0} and {@code 1.00} are two texts and
   * one value), nor offset date-times (one instant at two offsets). An order by one of them
   * needs no tie-break.
   */
  public List<PropertyModel> uniqueColumns() {
    List<PropertyModel> unique = new java.util.ArrayList<>();
    for (PropertyModel p : columns) {
      boolean byIndex = indexes.stream().anyMatch(i -> i.unique() && i.where().isEmpty()
          && i.properties().equals(List.of(p.name())) && !i.modifiers().get(0).startsWith("?"));
      if ((p.unique() || byIndex) && !p.nullable() && p.kind() != ValueKind.BIG_DECIMAL
          && p.kind() != ValueKind.BIG_INTEGER && p.kind() != ValueKind.OFFSET_DATE_TIME
          && !unique.contains(p)) {
        unique.add(p);
      }
    }
    return unique;
  }

  /** The entity's simple name, as messages use it. */
  public String simpleName() {
    return type.simpleName();
  }

  /** The primary-key properties in declaration order. */
  public List<PropertyModel> keys() {
    return columns.stream().filter(PropertyModel::id).toList();
  }

  /** The columns that are not part of the key. */
  public List<PropertyModel> nonKeys() {
    return columns.stream().filter(p -> !p.id()).toList();
  }

  /** The key SQLite assigns, if any. */
  public Optional<PropertyModel> generatedKey() {
    return columns.stream().filter(PropertyModel::autoGenerate).findFirst();
  }

  /** The {@code @Version} property, if any. */
  /** The {@code @CreatedAt} property, if any. */
  public Optional<PropertyModel> createdAt() {
    return columns.stream().filter(p -> p.audit() == PropertyModel.Audit.CREATED_AT).findFirst();
  }

  /** The {@code @UpdatedAt} property, if any. */
  public Optional<PropertyModel> updatedAt() {
    return columns.stream().filter(p -> p.audit() == PropertyModel.Audit.UPDATED_AT).findFirst();
  }

  /** The {@code @SoftDelete} property, if any. */
  public Optional<PropertyModel> softDelete() {
    return columns.stream().filter(PropertyModel::softDelete).findFirst();
  }

  /**
   * The condition a live row meets ({@code "deleted" IS NOT TRUE}, {@code "deleted_at" IS
   * NULL}) with the column written by {@code column}, or null without {@code @SoftDelete}.
   */
  public String liveCondition(java.util.function.UnaryOperator<String> column) {
    return softDelete().map(p -> dev.kiln.migrations.dialect.SqlDialect.liveRow(
        column.apply(p.column()), p.kind() == ValueKind.INSTANT)).orElse(null);
  }

  /** Whether Kiln fills in times on this entity's writes. */
  public boolean audited() {
    return createdAt().isPresent() || updatedAt().isPresent();
  }

  public Optional<PropertyModel> version() {
    return columns.stream().filter(PropertyModel::version).findFirst();
  }

  /**
   * Whether an index starts with {@code property}: the primary key, a unique column or an
   * {@code @Index}, so that SQLite can search by it.
   */
  public boolean leadsAnIndex(PropertyModel property) {
    List<PropertyModel> keys = keys();
    return !keys.isEmpty() && keys.get(0) == property || property.unique()
        || indexes.stream().map(IndexModel::properties)
            .anyMatch(p -> !p.isEmpty() && p.get(0).equals(property.name()));
  }

  /** The property named {@code name}, if it is persisted. */
  public Optional<PropertyModel> column(String name) {
    return columns.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** {@code AuthorRepository}, in the entity's package. */
  public ClassName repositoryName() {
    return ClassName.get(type.packageName(), type.simpleName() + "Repository");
  }

  /** {@code Author_}, in the entity's package. */
  public ClassName metamodelName() {
    return ClassName.get(type.packageName(), type.simpleName() + "_");
  }
}
