package dev.kiln.processor.write;

import com.palantir.javapoet.CodeBlock;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.Slot;
import java.util.List;
import java.util.function.Function;

/**
 * The statements that create an entity instance and return it, in the entity's own way: a
 * constructor call (followed, for a class, by the setters of the relations it does not take),
 * or a no-argument constructor followed by setters.
 */
final class Construction {

  private Construction() {}

  /** Statements ending in {@code return}, where {@code valueOf} gives each slot's value. */
  static CodeBlock returnNew(EntityModel entity, Function<Slot, CodeBlock> valueOf) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (entity.construction().viaConstructor()) {
      CodeBlock arguments = entity.construction().slots().stream().map(valueOf)
          .collect(CodeBlock.joining(",\n"));
      List<Slot> setAfter = entity.construction().setAfter();
      if (setAfter.isEmpty()) {
        code.add("return new $T(\n$>$>$L$<$<);\n", entity.type(), arguments);
        return code.build();
      }
      code.add("$T created = new $T(\n$>$>$L$<$<);\n", entity.type(), entity.type(), arguments);
      for (Slot slot : setAfter) {
        code.addStatement("$L", slot.mutator().write("created", valueOf.apply(slot)));
      }
      code.addStatement("return created");
    } else {
      code.addStatement("$T created = new $T()", entity.type(), entity.type());
      for (Slot slot : entity.construction().slots()) {
        code.addStatement("$L", slot.mutator().write("created", valueOf.apply(slot)));
      }
      code.addStatement("return created");
    }
    return code.build();
  }

  /**
   * A slot's value copied from {@code instance}, or its default when it cannot be read. A
   * persisted value that may be mutable (an array, a converted value) is copied through its
   * column's {@code ValueType.copy}, so that the new instance shares nothing mutable with
   * {@code instance}.
   */
  static CodeBlock copied(EntityModel entity, Slot slot, String instance) {
    if (slot.accessor() == null) {
      return ValueCode.defaultValue(slot.type());
    }
    CodeBlock value = slot.accessor().read(instance);
    if (slot.column() != null && ValueCode.mayBeMutable(slot.column())) {
      return CodeBlock.of("$T.$L.type().copy($L)", entity.metamodelName(),
          slot.column().constantName(), value);
    }
    return value;
  }
}
