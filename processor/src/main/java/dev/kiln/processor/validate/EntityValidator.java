package dev.kiln.processor.validate;

import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.IndexModel;
import dev.kiln.processor.model.PropertyModel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks that need more than one property or more than one entity: unique column, table and
 * index names, {@code @Index} properties that exist, and foreign keys that reference an entity
 * with a matching single-column key.
 */
public final class EntityValidator {

  private final Diagnostics diagnostics;

  public EntityValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Validates {@code entities} together; returns whether they are all valid. */
  public boolean validate(List<EntityModel> entities) {
    int before = diagnostics.errorCount();
    Map<String, EntityModel> tables = new HashMap<>();
    Map<String, EntityModel> byType = new HashMap<>();
    entities.forEach(e -> byType.put(e.element().getQualifiedName().toString(), e));
    Map<String, String> indexNames = uniqueColumnIndexes(entities);
    for (EntityModel entity : entities) {
      EntityModel clash = tables.putIfAbsent(entity.table().toLowerCase(Locale.ROOT), entity);
      if (clash != null) {
        diagnostics.error(entity.element(), Code.DUPLICATE_TABLE, entity.table(),
            clash.type().canonicalName());
      }
      checkColumns(entity);
      checkIndexes(entity, indexNames);
      checkForeignKeys(entity, byType);
    }
    return diagnostics.errorCount() == before;
  }

  private void checkColumns(EntityModel entity) {
    Map<String, PropertyModel> seen = new HashMap<>();
    for (PropertyModel p : entity.columns()) {
      PropertyModel clash = seen.putIfAbsent(p.column().toLowerCase(Locale.ROOT), p);
      if (clash != null) {
        diagnostics.error(p.element(), Code.DUPLICATE_COLUMN, p.column(), clash.name(), p.name());
      }
    }
  }

  /**
   * The names of the unique indexes that {@code @Column(unique = true)} makes, each with the hint
   * for an {@code @Index} of the same name: both would be created, and the second would fail.
   */
  private static Map<String, String> uniqueColumnIndexes(List<EntityModel> entities) {
    Map<String, String> names = new HashMap<>();
    for (EntityModel entity : entities) {
      for (PropertyModel p : entity.columns()) {
        if (p.unique()) {
          names.put(IndexNames.uniqueColumn(entity, p).toLowerCase(Locale.ROOT),
              ", or remove the @Index if it repeats @Column(unique = true) on "
                  + entity.simpleName() + "." + p.name());
        }
      }
    }
    return names;
  }

  /** Checks each {@code @Index}; {@code indexNames} maps the names taken to a fix hint. */
  private void checkIndexes(EntityModel entity, Map<String, String> indexNames) {
    List<String> properties = entity.columns().stream().map(PropertyModel::name).toList();
    for (IndexModel index : entity.indexes()) {
      if (index.properties().isEmpty()) {
        diagnostics.error(entity.element(), index.annotation(), null, Code.EMPTY_INDEX,
            entity.simpleName());
        continue;
      }
      for (String property : index.properties()) {
        if (!properties.contains(property)) {
          String guess = Spelling.closest(property, properties);
          diagnostics.error(entity.element(), index.annotation(), null,
              Code.UNKNOWN_INDEX_PROPERTY, property, entity.simpleName(),
              guess == null ? "" : "; did you mean '" + guess + "'?");
        }
      }
      String name = IndexNames.of(entity, index).toLowerCase(Locale.ROOT);
      String clash = indexNames.putIfAbsent(name, "");
      if (clash != null) {
        diagnostics.error(entity.element(), index.annotation(), null, Code.DUPLICATE_INDEX,
            IndexNames.of(entity, index), clash);
      }
    }
  }

  private void checkForeignKeys(EntityModel entity, Map<String, EntityModel> byType) {
    for (PropertyModel p : entity.columns()) {
      if (p.foreignKey() == null) {
        continue;
      }
      EntityModel target = byType.get(p.foreignKey().target().getQualifiedName().toString());
      if (target == null) {
        diagnostics.error(p.element(), p.foreignKey().annotation(), null, Code.BAD_FOREIGN_KEY,
            p.name(), p.foreignKey().target().getSimpleName()
                + " is not a @Table entity compiled with this one; reference an entity");
        continue;
      }
      if (target.keys().size() != 1) {
        diagnostics.error(p.element(), p.foreignKey().annotation(), null, Code.BAD_FOREIGN_KEY,
            p.name(), target.simpleName() + " has a composite key; a @ForeignKey property"
                + " references a single-column key");
        continue;
      }
      PropertyModel key = target.keys().get(0);
      if (key.kind() != p.kind()) {
        diagnostics.error(p.element(), p.foreignKey().annotation(), null, Code.BAD_FOREIGN_KEY,
            p.name(), "its type " + p.javaType() + " does not match the key "
                + target.simpleName() + "." + key.name() + " (" + key.javaType() + ");"
                + " declare it as " + (p.nullable() ? key.boxedType() : key.javaType()));
      }
      if ("SET NULL".equals(p.foreignKey().onDelete()) && !p.nullable()) {
        diagnostics.error(p.element(), p.foreignKey().annotation(), null, Code.BAD_FOREIGN_KEY,
            p.name(), "onDelete = SET_NULL needs a nullable property; mark it @Nullable");
      }
    }
  }
}
