package dev.kiln.processor.model;

import com.palantir.javapoet.CodeBlock;

/**
 * How generated code reads a property of an entity instance: through a method (a record accessor
 * or a getter) or a field.
 *
 * @param method the no-argument method to call, or null
 * @param field the field to read when there is no method, or null
 */
public record Accessor(String method, String field) {

  /** The expression that reads the property from {@code instance}. */
  public CodeBlock read(String instance) {
    return method != null ? CodeBlock.of("$L.$L()", instance, method)
        : CodeBlock.of("$L.$L", instance, field);
  }
}
