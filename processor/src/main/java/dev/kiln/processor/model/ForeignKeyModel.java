package dev.kiln.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @ForeignKey} on a property.
 *
 * @param target the referenced entity
 * @param onDelete the SQL action on delete ({@code NO ACTION}, {@code CASCADE} …)
 * @param onUpdate the SQL action on update
 * @param annotation the annotation, for diagnostics
 */
public record ForeignKeyModel(
    TypeElement target, String onDelete, String onUpdate, AnnotationMirror annotation) {}
