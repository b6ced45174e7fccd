package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * A value Kiln reads or binds outside an entity: a {@code @Dao} method parameter, or a column of
 * an {@code @Sql} result. When it stands for an entity property, that property decides the
 * storage (a converter included).
 *
 * @param kind how it is stored
 * @param javaType its Java type
 * @param enumType the enum class for {@link ValueKind#ENUM}, or null
 * @param property the entity property it stands for, or null
 * @param owner the entity that declares {@code property}, or null
 */
public record Value(
    ValueKind kind, TypeName javaType, ClassName enumType, PropertyModel property,
    EntityModel owner) {

  /** A value that is not an entity property. */
  public Value(ValueKind kind, TypeName javaType, ClassName enumType) {
    this(kind, javaType, enumType, null, null);
  }

  /** The value of {@code property} of {@code owner}. */
  public static Value of(EntityModel owner, PropertyModel property) {
    return new Value(property.kind(), property.javaType(), property.enumType(), property, owner);
  }
}
