package dev.kiln.processor.schema;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.ForeignKey;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.IndexModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.validate.IndexNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns validated entities into the schema model they require. */
public final class SchemaBuilder {

  private SchemaBuilder() {}

  /** The schema of {@code entities}, whose foreign keys reference each other. */
  public static Schema build(List<EntityModel> entities) {
    Map<String, EntityModel> byType = entities.stream().collect(Collectors.toMap(
        e -> e.element().getQualifiedName().toString(), Function.identity()));
    return new Schema(entities.stream().map(e -> table(e, byType)).toList());
  }

  private static Table table(EntityModel entity, Map<String, EntityModel> byType) {
    List<Column> columns = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (PropertyModel p : entity.columns()) {
      columns.add(new Column(p.column(), p.kind().sqlType(), !p.nullable(), p.defaultValue(),
          p.kind().logicalType()));
      if (p.unique()) {
        indexes.add(new Index(IndexNames.uniqueColumn(entity, p), entity.table(),
            List.of(p.column()), true, null));
      }
      if (p.foreignKey() != null) {
        EntityModel target = byType.get(p.foreignKey().target().getQualifiedName().toString());
        foreignKeys.add(new ForeignKey(List.of(p.column()), target.table(),
            target.keys().stream().map(PropertyModel::column).toList(),
            p.foreignKey().onDelete(), p.foreignKey().onUpdate()));
      }
    }
    for (IndexModel index : entity.indexes()) {
      List<PropertyModel> indexed = index.properties().stream()
          .map(name -> entity.column(name).orElseThrow()).toList();
      indexes.add(new Index(IndexNames.of(entity, index), entity.table(),
          indexed.stream().map(PropertyModel::column).toList(), index.unique(), index.where(),
          modifiers(index, indexed)));
    }
    List<String> key = entity.keys().stream().map(PropertyModel::column).toList();
    return new Table(entity.table(), columns, key, entity.strict(), indexes, foreignKeys);
  }

  /**
   * What follows each column in the index: as written, except that a decimal column of an index
   * that is not unique is indexed by its value as a number ({@link Index#REAL}), which is what
   * Kiln's decimal comparisons narrow by. A unique index keeps the exact text: two decimals that
   * differ beyond a double's precision are different values.
   */
  private static List<String> modifiers(IndexModel index, List<PropertyModel> indexed) {
    List<String> modifiers = new java.util.ArrayList<>();
    for (int i = 0; i < indexed.size(); i++) {
      String written = index.modifiers().isEmpty() ? "" : index.modifiers().get(i);
      PropertyModel p = indexed.get(i);
      boolean decimal = p.converter() == null
          && p.kind().ordering() == dev.kiln.migrations.schema.Ordering.NUMERIC_TEXT;
      modifiers.add(decimal && !index.unique()
          ? Index.REAL + (written.endsWith("DESC") ? " DESC" : "") : written);
    }
    return modifiers;
  }
}
