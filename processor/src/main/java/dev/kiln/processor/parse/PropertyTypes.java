package dev.kiln.processor.parse;

import dev.kiln.processor.model.ValueKind;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps a Java type to the built-in {@link ValueKind} that stores it, if there is one. */
public final class PropertyTypes {

  private static final Map<String, ValueKind> DECLARED = Map.ofEntries(
      Map.entry("java.lang.Boolean", ValueKind.BOOLEAN),
      Map.entry("java.lang.Byte", ValueKind.BYTE),
      Map.entry("java.lang.Short", ValueKind.SHORT),
      Map.entry("java.lang.Integer", ValueKind.INT),
      Map.entry("java.lang.Long", ValueKind.LONG),
      Map.entry("java.lang.Float", ValueKind.FLOAT),
      Map.entry("java.lang.Double", ValueKind.DOUBLE),
      Map.entry("java.lang.String", ValueKind.STRING),
      Map.entry("java.math.BigDecimal", ValueKind.BIG_DECIMAL),
      Map.entry("java.math.BigInteger", ValueKind.BIG_INTEGER),
      Map.entry("java.util.UUID", ValueKind.UUID),
      Map.entry("java.time.Instant", ValueKind.INSTANT),
      Map.entry("java.time.LocalDate", ValueKind.LOCAL_DATE),
      Map.entry("java.time.LocalTime", ValueKind.LOCAL_TIME),
      Map.entry("java.time.LocalDateTime", ValueKind.LOCAL_DATE_TIME),
      Map.entry("java.time.OffsetDateTime", ValueKind.OFFSET_DATE_TIME));

  private PropertyTypes() {}

  /** The kind that stores {@code type}, or null when Kiln has no built-in mapping for it. */
  public static ValueKind kindOf(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN: return ValueKind.BOOLEAN;
      case BYTE: return ValueKind.BYTE;
      case SHORT: return ValueKind.SHORT;
      case INT: return ValueKind.INT;
      case LONG: return ValueKind.LONG;
      case FLOAT: return ValueKind.FLOAT;
      case DOUBLE: return ValueKind.DOUBLE;
      case ARRAY:
        return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE
            ? ValueKind.BYTES : null;
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
          return ValueKind.ENUM;
        }
        return DECLARED.get(element.getQualifiedName().toString());
      default:
        return null;
    }
  }
}
