package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Relation} property, as written; the validator checks it against the entities it
 * names.
 *
 * @param element the record component or field
 * @param name the property name
 * @param index the relation's position among its entity's relations
 * @param target the related entity type (the element type of a list)
 * @param list whether the property is a {@code List}
 * @param nullable whether the property is marked nullable
 * @param foreignKey the {@code foreignKey} member, or empty
 * @param mappedBy the {@code mappedBy} member, or empty
 * @param through the {@code through} junction type, or null
 * @param propertyType the property's declared type
 * @param annotation the annotation, for diagnostics
 */
public record RelationModel(
    Element element,
    String name,
    int index,
    TypeElement target,
    boolean list,
    boolean nullable,
    String foreignKey,
    String mappedBy,
    TypeElement through,
    TypeName propertyType,
    AnnotationMirror annotation) {

  /** The metamodel constant's name: {@code books} becomes {@code BOOKS}. */
  public String constantName() {
    return Names.upperSnake(name);
  }
}
