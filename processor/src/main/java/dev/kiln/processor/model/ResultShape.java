package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What a {@code @Dao} method returns and how each row becomes a value.
 *
 * @param kind what a row is, or what the statement reports
 * @param wrapper how rows are returned
 * @param rowType the Java type of one row ({@code Author}, a projection, a scalar), or null
 * @param entity the entity for {@link Kind#ENTITY}, or null
 * @param columns for {@link Kind#ENTITY} read out of order, {@link Kind#PROJECTION} and
 *     {@link Kind#SCALAR}: each row value's column, in constructor order; empty when an entity's
 *     columns come in the mapping's order
 * @param returnType the method's declared return type
 */
public record ResultShape(
    Kind kind, Wrapper wrapper, TypeName rowType, EntityModel entity, List<ColumnRead> columns,
    TypeName returnType) {

  /** What a row is. */
  public enum Kind { ENTITY, PROJECTION, SCALAR, ROWS_CHANGED, NOTHING }

  /** How rows are handed back. */
  public enum Wrapper { ONE, OPTIONAL, LIST, STREAM }

  /**
   * One value read from a result column.
   *
   * @param name the property or component it fills
   * @param index the 1-based column index
   * @param value how it is read
   */
  public record ColumnRead(String name, int index, Value value) {}

  public ResultShape {
    columns = List.copyOf(columns);
  }
}
