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
      List<String> indexColumns = index.properties().stream()
          .map(name -> entity.column(name).orElseThrow().column()).toList();
      indexes.add(new Index(IndexNames.of(entity, index), entity.table(), indexColumns,
          index.unique(), index.where(), index.modifiers()));
    }
    List<String> key = entity.keys().stream().map(PropertyModel::column).toList();
    return new Table(entity.table(), columns, key, entity.strict(), indexes, foreignKeys);
  }
}
