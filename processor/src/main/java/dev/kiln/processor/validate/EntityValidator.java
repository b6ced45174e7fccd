package dev.kiln.processor.validate;

import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.IndexModel;
import dev.kiln.processor.model.Names;
import dev.kiln.processor.model.PropertyModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

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
      checkName(entity, tableAnnotation(entity), entity.table(), "a table",
          "@Table(name = ...)");
      checkColumns(entity);
      checkConstants(entity);
      checkIndexes(entity, indexNames);
      checkForeignKeys(entity, byType);
    }
    return diagnostics.errorCount() == before;
  }

  /**
   * Refuses the names SQLite keeps for itself ({@code sqlite_…}) and Kiln keeps for its history
   * table and table rebuilds ({@code kiln_…}): SQLite would refuse the first, and the second
   * would collide with the migrator's own tables. (A blank name never gets here: it means the
   * default name.)
   */
  private void checkName(EntityModel entity, AnnotationMirror annotation, String name,
      String what, String fix) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sqlite_") || lower.startsWith("kiln_")) {
      diagnostics.error(entity.element(), annotation, null, Code.RESERVED_NAME, name, what,
          "names starting with sqlite_ belong to SQLite and names starting with kiln_ to"
              + " Kiln's migrations (kiln_schema_history, kiln_new_<table>): choose another"
              + " with " + fix);
    }
  }

  private static AnnotationMirror tableAnnotation(EntityModel entity) {
    return entity.element().getAnnotationMirrors().stream()
        .filter(a -> a.getAnnotationType().toString().equals("dev.kiln.annotations.Table"))
        .findFirst().orElse(null);
  }

  /** Metamodel constants are the UPPER_SNAKE of property names; two must not coincide. */
  private void checkConstants(EntityModel entity) {
    Map<String, String> seen = new HashMap<>();
    Map<String, Element> properties = new LinkedHashMap<>();
    entity.columns().forEach(p -> properties.put(p.name(), p.element()));
    entity.relations().forEach(r -> properties.put(r.name(), r.element()));
    properties.forEach((name, element) -> {
      String constant = Names.upperSnake(name);
      String clash = seen.putIfAbsent(constant, name);
      if (clash != null) {
        diagnostics.error(element, Code.CONSTANT_CLASH, clash, name, entity.simpleName(),
            entity.simpleName(), constant);
      }
    });
  }

  private void checkColumns(EntityModel entity) {
    Map<String, PropertyModel> seen = new HashMap<>();
    for (PropertyModel p : entity.columns()) {
      if (p.id() && p.version()) {
        diagnostics.error(p.element(), Code.ID_AND_VERSION, p.name());
      }
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
      for (String modifier : index.modifiers()) {
        if (modifier.startsWith("?")) {
          diagnostics.error(entity.element(), index.annotation(), null, Code.BAD_INDEX_TERM,
              modifier.substring(1));
        }
      }
      for (String property : index.properties()) {
        if (!properties.contains(property)) {
          String guess = Spelling.closest(property, properties);
          diagnostics.error(entity.element(), index.annotation(), null,
              Code.UNKNOWN_INDEX_PROPERTY, property, entity.simpleName(),
              guess == null ? "" : "; did you mean '" + guess + "'?");
        }
      }
      checkName(entity, index.annotation(), IndexNames.of(entity, index), "an index",
          "@Index(name = ...)");
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
