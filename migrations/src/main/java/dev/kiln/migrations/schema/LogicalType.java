package dev.kiln.migrations.schema;

/**
 * What a column holds, as Java sees it, independent of the engine: SQLite stores several of these
 * in one storage class (a {@code timestamptz} and a {@code uuid} are both {@code TEXT} there),
 * while PostgreSQL has a native type for most of them. The processor records it for each column
 * it declares, so that every engine's DDL can be written from one schema model.
 */
public enum LogicalType {
  BOOLEAN(SqlType.INTEGER),
  /** {@code byte} and {@code short}. */
  SMALLINT(SqlType.INTEGER),
  INTEGER(SqlType.INTEGER),
  BIGINT(SqlType.INTEGER),
  /** {@code float}. */
  REAL(SqlType.REAL),
  /** {@code double}. */
  DOUBLE(SqlType.REAL),
  /** Strings and enum names. */
  TEXT(SqlType.TEXT),
  BYTES(SqlType.BLOB),
  /** {@code BigDecimal} and {@code BigInteger}: exact decimals. */
  DECIMAL(SqlType.TEXT),
  UUID(SqlType.TEXT),
  DATE(SqlType.TEXT),
  TIME(SqlType.TEXT),
  /** {@code LocalDateTime}. */
  TIMESTAMP(SqlType.TEXT),
  /** {@code Instant}. */
  TIMESTAMPTZ(SqlType.TEXT),
  /**
   * {@code OffsetDateTime}: its offset is part of the value, and PostgreSQL's {@code timestamptz}
   * would drop it, so it is stored as Kiln's date-time text on every engine.
   */
  OFFSET_DATE_TIME(SqlType.TEXT);

  private final SqlType sqliteType;

  LogicalType(SqlType sqliteType) {
    this.sqliteType = sqliteType;
  }

  /** The SQLite storage class Kiln declares for it. */
  public SqlType sqliteType() {
    return sqliteType;
  }

  /**
   * The logical type a SQLite column of {@code type} is taken to hold when nothing more is known
   * (a column read back from a SQLite database).
   */
  public static LogicalType of(SqlType type) {
    return switch (type) {
      case INTEGER -> BIGINT;
      case REAL -> DOUBLE;
      case BLOB -> BYTES;
      case TEXT, OTHER -> TEXT;
    };
  }
}
