package dev.kiln.processor.model;

import com.palantir.javapoet.CodeBlock;

/**
 * How generated code sets a property on an instance made with a no-argument constructor: through
 * a setter or a non-final field.
 *
 * @param setter the one-argument method to call, or null
 * @param field the field to assign when there is no setter, or null
 */
public record Mutator(String setter, String field) {

  /** The statement that sets the property on {@code instance} to {@code value}. */
  public CodeBlock write(String instance, CodeBlock value) {
    return setter != null ? CodeBlock.of("$L.$L($L)", instance, setter, value)
        : CodeBlock.of("$L.$L = $L", instance, field, value);
  }
}
