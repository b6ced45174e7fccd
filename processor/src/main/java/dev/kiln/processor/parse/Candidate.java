package dev.kiln.processor.parse;

import dev.kiln.processor.model.Accessor;
import dev.kiln.processor.model.Mutator;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A property found on an entity type before it is classified as a column, a relation or a
 * transient property.
 *
 * @param name the property name
 * @param element the record component or field (where errors are reported)
 * @param type the declared type
 * @param sources the elements whose annotations count for it (component, field, accessor)
 * @param accessor how to read it, or null when generated code cannot
 * @param mutator how to set it after no-argument construction, or null
 * @param javaTransient whether the field has Java's {@code transient} modifier
 */
record Candidate(
    String name,
    Element element,
    TypeMirror type,
    List<Element> sources,
    Accessor accessor,
    Mutator mutator,
    boolean javaTransient) {

  Element[] annotationSources() {
    return sources.toArray(Element[]::new);
  }
}
