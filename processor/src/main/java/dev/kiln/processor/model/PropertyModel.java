package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import javax.lang.model.element.Element;

/**
 * One persisted property of an entity: a column.
 *
 * @param element the record component or field, for diagnostics
 * @param name the Java property name
 * @param column the column name
 * @param javaType the property's declared type (primitive or reference)
 * @param kind how the value is stored: the property's own kind, or the converter's storage kind
 * @param enumType the enum class when {@code kind} is {@link ValueKind#ENUM} (of the stored value)
 * @param converter the {@code @Convert} class, or null
 * @param nullable whether the column admits NULL
 * @param id whether the property is (part of) the primary key
 * @param autoGenerate whether SQLite assigns the key on insert
 * @param version whether the property is the {@code @Version} counter
 * @param audit whether Kiln fills the property with the time of insert or of the last write
 * @param softDelete whether the property marks a deleted row ({@code @SoftDelete})
 * @param unique whether {@code @Column(unique = true)} asked for a unique index
 * @param defaultValue the SQL {@code DEFAULT} expression, or null
 * @param renamedFrom the column's former name, or null
 * @param foreignKey the {@code @ForeignKey}, or null
 * @param accessor how to read the property
 */
public record PropertyModel(
    Element element,
    String name,
    String column,
    TypeName javaType,
    ValueKind kind,
    ClassName enumType,
    TypeName converter,
    boolean nullable,
    boolean id,
    boolean autoGenerate,
    boolean version,
    Audit audit,
    boolean softDelete,
    boolean unique,
    String defaultValue,
    String renamedFrom,
    ForeignKeyModel foreignKey,
    Accessor accessor) {

  /** The times Kiln fills in: {@code @CreatedAt}, {@code @UpdatedAt}. */
  public enum Audit { NONE, CREATED_AT, UPDATED_AT }

  /** Whether the Java type is primitive (and so never null). */
  public boolean primitive() {
    return javaType.isPrimitive();
  }

  /** The Java type, boxed when primitive: the type argument of the metamodel column. */
  public TypeName boxedType() {
    return javaType.box();
  }

  /** The metamodel constant's name: {@code createdAt} becomes {@code CREATED_AT}. */
  public String constantName() {
    return Names.upperSnake(name);
  }
}
