package dev.kiln.processor.validate;

import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.IndexModel;
import dev.kiln.processor.model.PropertyModel;
import java.util.stream.Collectors;

/**
 * Default index names: {@code ix_<table>_<columns>}, or {@code ux_…} for a unique index, so that
 * a name says what it indexes and two entities' defaults never clash.
 */
public final class IndexNames {

  private IndexNames() {}

  /** The index's name: its explicit name, or the default over its columns. */
  public static String of(EntityModel entity, IndexModel index) {
    if (!index.name().isBlank()) {
      return index.name();
    }
    String columns = index.properties().stream()
        .map(p -> entity.column(p).map(PropertyModel::column).orElse(p))
        .collect(Collectors.joining("_"));
    return (index.unique() ? "ux_" : "ix_") + entity.table() + "_" + columns;
  }

  /** The unique index that {@code @Column(unique = true)} asks for. */
  public static String uniqueColumn(EntityModel entity, PropertyModel property) {
    return "ux_" + entity.table() + "_" + property.column();
  }
}
