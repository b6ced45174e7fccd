package dev.kiln.spi;

import dev.kiln.KilnException;
import dev.kiln.internal.TemporalText;
import dev.kiln.internal.postgresql.PostgresArrays;
import dev.kiln.internal.postgresql.PostgresValues;
import dev.kiln.internal.sqlite.JsonArrays;
import dev.kiln.internal.sqlite.SqliteText;
import dev.kiln.internal.sqlite.SqliteValues;
import dev.kiln.mapping.UnreadableValueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;
import org.sqlite.jdbc3.JDBC3PreparedStatement;
import org.sqlite.jdbc3.JDBC3ResultSet;

/**
 * Reads and binds every built-in type of Kiln, one pair of static methods a type, so that
 * generated code reads like hand-written JDBC: {@code JdbcValues.getInstant(rs, 4)}.
 *
 * <p>Storage: integers, doubles, text, enum names and bytes the same way on both engines; an
 * {@code OffsetDateTime} as Kiln's date-time text on both ({@link TemporalText}); booleans,
 * UUIDs, decimals and the other date-times in each engine's own way: as {@code INTEGER} and
 * {@code TEXT} on SQLite ({@link SqliteValues}), in PostgreSQL's native types
 * ({@link PostgresValues}).
 *
 * <p>Every getter maps SQL {@code NULL} to Java {@code null}. The generated code reads an
 * entity's primitives straight from the {@link ResultSet} (their columns are {@code NOT NULL});
 * a query result's primitives go through {@link #present}, since a query can compute NULL.
 */
public final class JdbcValues {

  private JdbcValues() {}

  /**
   * Whether {@code ps} is SQLite's. The types SQLite stores as text (decimals, UUIDs, date-times)
   * are bound in PostgreSQL's native types on any other engine ({@link PostgresValues}); one type
   * check, which the JIT makes nearly free, instead of a lookup per value.
   */
  private static boolean sqlite(PreparedStatement ps) {
    return ps instanceof JDBC3PreparedStatement;
  }

  private static boolean sqlite(ResultSet rs) {
    return rs instanceof JDBC3ResultSet;
  }

  /**
   * A list of keys bound to the one parameter of {@code SqlDialect.inBoundList}: a JSON array on
   * SQLite, an SQL array on PostgreSQL.
   */
  public static void setList(PreparedStatement ps, int index, Collection<?> values)
      throws SQLException {
    (sqlite(ps) ? JsonArrays.KEY_LISTS : PostgresArrays.KEY_LISTS).bind(ps, index, values);
  }

  /** A typed NULL on SQLite; on PostgreSQL a NULL whose type the server takes from the column. */
  private static void setNull(PreparedStatement ps, int index, int sqliteType)
      throws SQLException {
    if (sqlite(ps)) {
      ps.setNull(index, sqliteType);
    } else {
      PostgresValues.setNull(ps, index);
    }
  }

  /**
   * {@code value}, read from column {@code index} for a primitive of a query's result (a scalar
   * or a projection's component), which cannot hold SQL {@code NULL}: rather than let NULL read
   * as 0 or false, refuses it, naming the column and, in {@code fix}, the declaration to change.
   */
  public static <T> T present(T value, ResultSet rs, int index, String fix)
      throws SQLException {
    if (value == null) {
      throw new KilnException("column '" + rs.getMetaData().getColumnLabel(index)
          + "' is NULL in this row, which " + fix);
    }
    return value;
  }

  // ---- an entity's primitive properties -----------------------------------------------------
  //
  // A primitive property's column is NOT NULL in the schema Kiln migrates, but a table another
  // tool made or changed may hold a NULL there, which the driver reads as 0 or false. These
  // refuse it, naming the column (the engine's error names the property), rather than hand the
  // entity a value nobody stored; the driver is asked about NULL only when it read 0.

  public static long requireLong(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    if (value == 0 && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  public static int requireInt(ResultSet rs, int index) throws SQLException {
    int value = rs.getInt(index);
    if (value == 0 && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  public static short requireShort(ResultSet rs, int index) throws SQLException {
    short value = rs.getShort(index);
    if (value == 0 && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  public static byte requireByte(ResultSet rs, int index) throws SQLException {
    byte value = rs.getByte(index);
    if (value == 0 && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  public static double requireDouble(ResultSet rs, int index) throws SQLException {
    double value = rs.getDouble(index);
    if (value == 0 && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  public static float requireFloat(ResultSet rs, int index) throws SQLException {
    float value = rs.getFloat(index);
    if (value == 0 && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  public static boolean requireBoolean(ResultSet rs, int index) throws SQLException {
    boolean value = rs.getBoolean(index);
    if (!value && rs.wasNull()) {
      throw nullIn(rs, index);
    }
    return value;
  }

  private static SQLException nullIn(ResultSet rs, int index) throws SQLException {
    return UnreadableValueException.nullIn(rs.getMetaData().getColumnName(index));
  }

  // ---- integers and booleans ----------------------------------------------------------------

  public static Boolean getBoolean(ResultSet rs, int index) throws SQLException {
    boolean value = rs.getBoolean(index);
    return rs.wasNull() ? null : value;
  }

  public static void setBoolean(PreparedStatement ps, int index, Boolean value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setBoolean(ps, index, value);
    } else {
      PostgresValues.setBoolean(ps, index, value);
    }
  }

  public static Byte getByte(ResultSet rs, int index) throws SQLException {
    byte value = rs.getByte(index);
    return rs.wasNull() ? null : value;
  }

  public static void setByte(PreparedStatement ps, int index, Byte value) throws SQLException {
    setLong(ps, index, value == null ? null : value.longValue());
  }

  public static Short getShort(ResultSet rs, int index) throws SQLException {
    short value = rs.getShort(index);
    return rs.wasNull() ? null : value;
  }

  public static void setShort(PreparedStatement ps, int index, Short value) throws SQLException {
    setLong(ps, index, value == null ? null : value.longValue());
  }

  public static Integer getInteger(ResultSet rs, int index) throws SQLException {
    int value = rs.getInt(index);
    return rs.wasNull() ? null : value;
  }

  public static void setInteger(PreparedStatement ps, int index, Integer value)
      throws SQLException {
    setLong(ps, index, value == null ? null : value.longValue());
  }

  public static Long getLong(ResultSet rs, int index) throws SQLException {
    long value = rs.getLong(index);
    return rs.wasNull() ? null : value;
  }

  public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      setNull(ps, index, Types.INTEGER);
    } else {
      ps.setLong(index, value);
    }
  }

  // ---- floating point ------------------------------------------------------------------------

  public static Float getFloat(ResultSet rs, int index) throws SQLException {
    float value = rs.getFloat(index);
    return rs.wasNull() ? null : value;
  }

  public static void setFloat(PreparedStatement ps, int index, Float value) throws SQLException {
    setDouble(ps, index, value == null ? null : value.doubleValue());
  }

  public static Double getDouble(ResultSet rs, int index) throws SQLException {
    double value = rs.getDouble(index);
    return rs.wasNull() ? null : value;
  }

  public static void setDouble(PreparedStatement ps, int index, Double value)
      throws SQLException {
    if (value == null) {
      setNull(ps, index, Types.REAL);
    } else {
      ps.setDouble(index, value);
    }
  }

  // ---- text and bytes ------------------------------------------------------------------------

  public static String getString(ResultSet rs, int index) throws SQLException {
    return SqliteText.get(rs, index);
  }

  public static void setString(PreparedStatement ps, int index, String value)
      throws SQLException {
    if (value == null) {
      setNull(ps, index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  public static byte[] getBytes(ResultSet rs, int index) throws SQLException {
    return rs.getBytes(index);
  }

  public static void setBytes(PreparedStatement ps, int index, byte[] value)
      throws SQLException {
    if (value == null) {
      setNull(ps, index, Types.BLOB);
    } else {
      ps.setBytes(index, value);
    }
  }

  public static <E extends Enum<E>> E getEnum(
      ResultSet rs, int index, Function<String, E> valueOf) throws SQLException {
    return SqliteText.parse(rs, index, "enum constant", valueOf::apply);
  }

  public static void setEnum(PreparedStatement ps, int index, Enum<?> value)
      throws SQLException {
    setString(ps, index, value == null ? null : value.name());
  }

  public static UUID getUuid(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getUuid(rs, index)
        : PostgresValues.getUuid(rs, index);
  }

  public static void setUuid(PreparedStatement ps, int index, UUID value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setUuid(ps, index, value);
    } else {
      PostgresValues.setUuid(ps, index, value);
    }
  }

  // ---- exact numbers -------------------------------------------------------------------------

  public static BigDecimal getBigDecimal(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getBigDecimal(rs, index)
        : PostgresValues.getBigDecimal(rs, index);
  }

  public static void setBigDecimal(PreparedStatement ps, int index, BigDecimal value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setBigDecimal(ps, index, value);
    } else {
      PostgresValues.setBigDecimal(ps, index, value);
    }
  }

  public static BigInteger getBigInteger(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getBigInteger(rs, index)
        : PostgresValues.getBigInteger(rs, index);
  }

  public static void setBigInteger(PreparedStatement ps, int index, BigInteger value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setBigInteger(ps, index, value);
    } else {
      PostgresValues.setBigDecimal(ps, index, value == null ? null : new BigDecimal(value));
    }
  }

  // ---- date and time -------------------------------------------------------------------------

  public static Instant getInstant(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getInstant(rs, index)
        : PostgresValues.getInstant(rs, index);
  }

  public static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setInstant(ps, index, value);
    } else {
      PostgresValues.setInstant(ps, index, value);
    }
  }

  public static LocalDate getLocalDate(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getLocalDate(rs, index)
        : PostgresValues.getLocalDate(rs, index);
  }

  public static void setLocalDate(PreparedStatement ps, int index, LocalDate value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setLocalDate(ps, index, value);
    } else {
      PostgresValues.setLocalDate(ps, index, value);
    }
  }

  public static LocalTime getLocalTime(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getLocalTime(rs, index)
        : PostgresValues.getLocalTime(rs, index);
  }

  public static void setLocalTime(PreparedStatement ps, int index, LocalTime value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setLocalTime(ps, index, value);
    } else {
      PostgresValues.setLocalTime(ps, index, value);
    }
  }

  public static LocalDateTime getLocalDateTime(ResultSet rs, int index) throws SQLException {
    return sqlite(rs) ? SqliteValues.getLocalDateTime(rs, index)
        : PostgresValues.getLocalDateTime(rs, index);
  }

  public static void setLocalDateTime(PreparedStatement ps, int index, LocalDateTime value)
      throws SQLException {
    if (sqlite(ps)) {
      SqliteValues.setLocalDateTime(ps, index, value);
    } else {
      PostgresValues.setLocalDateTime(ps, index, value);
    }
  }

  public static OffsetDateTime getOffsetDateTime(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "OffsetDateTime", TemporalText::parseOffsetDateTime);
  }

  public static void setOffsetDateTime(PreparedStatement ps, int index, OffsetDateTime value)
      throws SQLException {
    setString(ps, index, value == null ? null : TemporalText.offsetDateTime(value));
  }
}
