package dev.kiln.processor.dao;

import dev.kiln.processor.model.ResultShape.Wrapper;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Dao} method's return type taken apart: {@code Optional<X>}, {@code List<X>} and
 * {@code Stream<X>} wrap rows of {@code X}; anything else is one row of itself.
 *
 * @param wrapper how rows are returned
 * @param row the type of one row
 * @param declared the declared return type
 */
record ReturnType(Wrapper wrapper, TypeMirror row, TypeMirror declared) {

  static ReturnType of(TypeMirror type) {
    if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      TypeMirror argument = declared.getTypeArguments().get(0);
      switch (name) {
        case "java.util.Optional": return new ReturnType(Wrapper.OPTIONAL, argument, type);
        case "java.util.List": return new ReturnType(Wrapper.LIST, argument, type);
        case "java.util.stream.Stream": return new ReturnType(Wrapper.STREAM, argument, type);
        default: break;
      }
    }
    return new ReturnType(Wrapper.ONE, type, type);
  }

  boolean isVoid() {
    return declared.getKind() == TypeKind.VOID;
  }

  /** Whether the type is {@code int}, {@code long} or their boxes (a row count). */
  boolean isCount() {
    if (wrapper != Wrapper.ONE) {
      return false;
    }
    return switch (declared.getKind()) {
      case INT, LONG -> true;
      case DECLARED -> {
        String name = ((TypeElement) ((DeclaredType) declared).asElement()).getQualifiedName()
            .toString();
        yield name.equals("java.lang.Integer") || name.equals("java.lang.Long");
      }
      default -> false;
    };
  }

  /** Whether the type is {@code boolean} or {@code Boolean}. */
  boolean isBoolean() {
    return wrapper == Wrapper.ONE && (declared.getKind() == TypeKind.BOOLEAN
        || declared.toString().equals("java.lang.Boolean"));
  }
}
