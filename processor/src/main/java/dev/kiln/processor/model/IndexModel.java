package dev.kiln.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * An {@code @Index} as written, over Java property names.
 *
 * @param name the explicit name, or empty for the default
 * @param properties the property names in index order
 * @param unique whether the index is unique
 * @param where the partial-index condition, or empty
 * @param annotation the annotation, for diagnostics
 */
public record IndexModel(
    String name, List<String> properties, boolean unique, String where,
    AnnotationMirror annotation) {}
