package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.migrations.schema.SqlType;

/**
 * The built-in types Kiln stores, with everything the writers need to know about each: the SQL
 * type, the {@code JdbcValues} methods that read and bind it, the {@code ValueTypes} constant the
 * metamodel uses, and whether SQL can compare it in its natural order.
 */
public enum ValueKind {
  BOOLEAN(SqlType.INTEGER, "Boolean", TypeName.BOOLEAN, false),
  BYTE(SqlType.INTEGER, "Byte", TypeName.BYTE, true),
  SHORT(SqlType.INTEGER, "Short", TypeName.SHORT, true),
  INT(SqlType.INTEGER, "Integer", TypeName.INT, true),
  LONG(SqlType.INTEGER, "Long", TypeName.LONG, true),
  FLOAT(SqlType.REAL, "Float", TypeName.FLOAT, true),
  DOUBLE(SqlType.REAL, "Double", TypeName.DOUBLE, true),
  STRING(SqlType.TEXT, "String", ClassName.get(String.class), true),
  BYTES(SqlType.BLOB, "Bytes", null, false),
  BIG_DECIMAL(SqlType.TEXT, "BigDecimal", ClassName.get(java.math.BigDecimal.class), true),
  BIG_INTEGER(SqlType.TEXT, "BigInteger", ClassName.get(java.math.BigInteger.class), true),
  UUID(SqlType.TEXT, "Uuid", ClassName.get(java.util.UUID.class), false),
  ENUM(SqlType.TEXT, "Enum", null, false),
  INSTANT(SqlType.TEXT, "Instant", ClassName.get(java.time.Instant.class), true),
  LOCAL_DATE(SqlType.TEXT, "LocalDate", ClassName.get(java.time.LocalDate.class), true),
  LOCAL_TIME(SqlType.TEXT, "LocalTime", ClassName.get(java.time.LocalTime.class), true),
  LOCAL_DATE_TIME(SqlType.TEXT, "LocalDateTime", ClassName.get(java.time.LocalDateTime.class),
      true),
  OFFSET_DATE_TIME(SqlType.TEXT, "OffsetDateTime",
      ClassName.get(java.time.OffsetDateTime.class), true);

  private final SqlType sqlType;
  private final String jdbcName;
  private final TypeName javaType;
  private final boolean comparable;

  ValueKind(SqlType sqlType, String jdbcName, TypeName javaType, boolean comparable) {
    this.sqlType = sqlType;
    this.jdbcName = jdbcName;
    this.javaType = javaType;
    this.comparable = comparable;
  }

  /** The column type Kiln declares. */
  public SqlType sqlType() {
    return sqlType;
  }

  /** The suffix of the {@code JdbcValues.getX}/{@code setX} pair, such as {@code Instant}. */
  public String jdbcName() {
    return jdbcName;
  }

  /** The {@code ValueTypes} constant, such as {@code LOCAL_DATE_TIME}. */
  public String valueTypeConstant() {
    return this == INT ? "INTEGER" : name();
  }

  /**
   * Whether SQL compares stored values in the Java type's natural order, so the metamodel may
   * offer {@code lt}/{@code gt}/{@code between}. UUID text and enum names do not sort as their
   * Java types do, and booleans and bytes have no useful order.
   */
  public boolean comparable() {
    return comparable;
  }

  /** What the column holds, from which each engine's type is chosen. */
  public dev.kiln.migrations.schema.LogicalType logicalType() {
    return switch (this) {
      case BOOLEAN -> dev.kiln.migrations.schema.LogicalType.BOOLEAN;
      case BYTE, SHORT -> dev.kiln.migrations.schema.LogicalType.SMALLINT;
      case INT -> dev.kiln.migrations.schema.LogicalType.INTEGER;
      case LONG -> dev.kiln.migrations.schema.LogicalType.BIGINT;
      case FLOAT -> dev.kiln.migrations.schema.LogicalType.REAL;
      case DOUBLE -> dev.kiln.migrations.schema.LogicalType.DOUBLE;
      case STRING, ENUM -> dev.kiln.migrations.schema.LogicalType.TEXT;
      case BYTES -> dev.kiln.migrations.schema.LogicalType.BYTES;
      case BIG_DECIMAL, BIG_INTEGER -> dev.kiln.migrations.schema.LogicalType.DECIMAL;
      case UUID -> dev.kiln.migrations.schema.LogicalType.UUID;
      case INSTANT -> dev.kiln.migrations.schema.LogicalType.TIMESTAMPTZ;
      case LOCAL_DATE -> dev.kiln.migrations.schema.LogicalType.DATE;
      case LOCAL_TIME -> dev.kiln.migrations.schema.LogicalType.TIME;
      case LOCAL_DATE_TIME -> dev.kiln.migrations.schema.LogicalType.TIMESTAMP;
      case OFFSET_DATE_TIME -> dev.kiln.migrations.schema.LogicalType.OFFSET_DATE_TIME;
    };
  }

  /** Whether this is an integer type (for keys and versions). */
  public boolean integral() {
    return this == LONG || this == INT || this == SHORT || this == BYTE;
  }

  /** How SQL must compare stored values of this kind to follow the Java order. */
  public dev.kiln.migrations.schema.Ordering ordering() {
    return switch (this) {
      case BIG_DECIMAL, BIG_INTEGER -> dev.kiln.migrations.schema.Ordering.NUMERIC_TEXT;
      case OFFSET_DATE_TIME -> dev.kiln.migrations.schema.Ordering.OFFSET_DATE_TIME;
      default -> dev.kiln.migrations.schema.Ordering.NATIVE;
    };
  }

  /** The primitive type, for the kinds that have one; null otherwise. */
  public TypeName primitive() {
    return javaType != null && javaType.isPrimitive() ? javaType : null;
  }
}
