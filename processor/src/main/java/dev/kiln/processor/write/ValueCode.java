package dev.kiln.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.model.Value;
import dev.kiln.processor.model.ValueKind;

/**
 * The code that reads, binds and describes one property's value, so that every writer produces
 * the same, hand-written-looking JDBC: {@code JdbcValues.requireLong(rs, first)},
 * {@code JdbcValues.setInstant(ps, 3, entity.createdAt())}.
 */
final class ValueCode {

  private ValueCode() {}

  /** Reads {@code p} from column {@code index} of result set {@code rs}. */
  static CodeBlock read(EntityModel entity, PropertyModel p, String rs, CodeBlock index) {
    if (p.converter() != null) {
      return CodeBlock.of("$T.$L.type().read($L, $L)", entity.metamodelName(), p.constantName(),
          rs, index);
    }
    if (p.javaType().isPrimitive()) {
      // Its column is NOT NULL where Kiln made the table; where another tool did, a NULL is
      // refused rather than read as 0.
      return CodeBlock.of("$T.require$L($L, $L)", Spi.JDBC_VALUES, primitiveName(p.kind()), rs,
          index);
    }
    return read(p.kind(), p.javaType(), p.enumType(), rs, index);
  }

  /** Reads {@code value} (a property's, converter included, or a plain one) from a column. */
  static CodeBlock read(Value value, String rs, CodeBlock index) {
    if (value.property() != null) {
      return read(value.owner(), value.property(), rs, index);
    }
    return read(value.kind(), value.javaType(), value.enumType(), rs, index);
  }

  private static CodeBlock read(ValueKind kind, TypeName javaType, ClassName enumType, String rs,
      CodeBlock index) {
    if (javaType.isPrimitive()) {
      return CodeBlock.of("$L.get$L($L)", rs, primitiveName(kind), index);
    }
    if (kind == ValueKind.ENUM) {
      return CodeBlock.of("$T.getEnum($L, $L, $T::valueOf)", Spi.JDBC_VALUES, rs, index,
          enumType);
    }
    return CodeBlock.of("$T.get$L($L, $L)", Spi.JDBC_VALUES, kind.jdbcName(), rs, index);
  }

  /** Binds {@code value} (of a parameter described by {@code v}) to parameter {@code index}. */
  static CodeBlock bind(Value v, String ps, CodeBlock index, CodeBlock value) {
    if (v.property() != null) {
      return bind(v.owner(), v.property(), ps, index, value);
    }
    if (v.javaType().isPrimitive()) {
      return CodeBlock.of("$L.set$L($L, $L)", ps, primitiveName(v.kind()), index, value);
    }
    return CodeBlock.of("$T.set$L($L, $L, $L)", Spi.JDBC_VALUES, v.kind().jdbcName(), ps, index,
        value);
  }

  /** Binds {@code value}, a value of {@code p}, to parameter {@code index} of {@code ps}. */
  static CodeBlock bind(EntityModel entity, PropertyModel p, String ps, int index,
      CodeBlock value) {
    return bind(entity, p, ps, CodeBlock.of("$L", index), value);
  }

  /** Binds {@code value} to the parameter whose index {@code index} computes. */
  static CodeBlock bind(EntityModel entity, PropertyModel p, String ps, CodeBlock index,
      CodeBlock value) {
    if (p.converter() != null) {
      return CodeBlock.of("$T.$L.type().bind($L, $L, $L)", entity.metamodelName(),
          p.constantName(), ps, index, value);
    }
    if (p.primitive()) {
      return CodeBlock.of("$L.set$L($L, $L)", ps, primitiveName(p.kind()), index, value);
    }
    return CodeBlock.of("$T.set$L($L, $L, $L)", Spi.JDBC_VALUES, p.kind().jdbcName(), ps, index,
        value);
  }

  /** The {@code ValueType} expression the metamodel's column carries. */
  static CodeBlock valueType(PropertyModel p) {
    CodeBlock storage = p.kind() == ValueKind.ENUM
        ? CodeBlock.of("$T.<$T>enumType($T::valueOf)", Spi.VALUE_TYPES, p.enumType(), p.enumType())
        : CodeBlock.of("$T.$L", Spi.VALUE_TYPES, p.kind().valueTypeConstant());
    if (p.converter() != null) {
      return CodeBlock.of("$T.converted($L, new $T())", Spi.VALUE_TYPE, storage, p.converter());
    }
    return storage;
  }

  /**
   * Whether a value of {@code p} may be changed in place, so that copying an entity must copy it:
   * a {@code byte[]}, or any converted value. The other built-in types are immutable.
   */
  static boolean mayBeMutable(PropertyModel p) {
    return p.converter() != null || p.kind() == ValueKind.BYTES;
  }

  /** The default of a type not read from a row: {@code null}, {@code 0} or {@code false}. */
  static CodeBlock defaultValue(com.palantir.javapoet.TypeName type) {
    if (!type.isPrimitive()) {
      return CodeBlock.of("null");
    }
    if (type.equals(com.palantir.javapoet.TypeName.BOOLEAN)) {
      return CodeBlock.of("false");
    }
    if (type.equals(com.palantir.javapoet.TypeName.CHAR)) {
      return CodeBlock.of("'\\0'");
    }
    if (type.equals(com.palantir.javapoet.TypeName.INT)) {
      return CodeBlock.of("0");
    }
    return CodeBlock.of("($T) 0", type);
  }

  /** {@code Long} for {@code rs.getLong}, {@code Int} for {@code rs.getInt}. */
  private static String primitiveName(ValueKind kind) {
    return switch (kind) {
      case BOOLEAN -> "Boolean";
      case BYTE -> "Byte";
      case SHORT -> "Short";
      case INT -> "Int";
      case LONG -> "Long";
      case FLOAT -> "Float";
      case DOUBLE -> "Double";
      default -> throw new IllegalArgumentException("not a primitive kind: " + kind);
    };
  }
}
