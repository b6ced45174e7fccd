package dev.kiln.internal.postgresql;

import dev.kiln.KilnException;
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
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * How values are bound and read in PostgreSQL's native types ({@code boolean}, {@code numeric},
 * {@code uuid}, {@code date}, {@code time}, {@code timestamp}, {@code timestamptz}) through JDBC
 * 4.2's {@code java.time} support. The types Kiln stores the same way on every engine (integers,
 * doubles, text, bytes, {@code OffsetDateTime} text) do not come here.
 *
 * <p>Implementation notes: PostgreSQL keeps time to the microsecond. A value with a finer
 * fraction would be rounded silently, and no longer equal the value written, so it is refused
 * (truncate it first, {@code truncatedTo(ChronoUnit.MICROS)}). Nulls are bound as
 * {@code Types.OTHER}, which lets the server take the column's type instead of the driver's
 * guess (a null bound as an integer cannot go into a {@code boolean} column).
 */
public final class PostgresValues {

  private PostgresValues() {}

  public static void setBoolean(PreparedStatement ps, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BOOLEAN);
    } else {
      ps.setBoolean(index, value);
    }
  }

  public static void setNull(PreparedStatement ps, int index) throws SQLException {
    ps.setNull(index, Types.OTHER);
  }

  public static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    ps.setObject(index, value, Types.OTHER);
  }

  public static UUID getUuid(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, UUID.class);
  }

  public static void setBigDecimal(PreparedStatement ps, int index, BigDecimal value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NUMERIC);
    } else {
      if (value.scale() < 0) {
        throw new KilnException("cannot store " + value + ": " + problem(value));
      }
      ps.setBigDecimal(index, value);
    }
  }

  public static BigDecimal getBigDecimal(ResultSet rs, int index) throws SQLException {
    return rs.getBigDecimal(index);
  }

  public static BigInteger getBigInteger(ResultSet rs, int index) throws SQLException {
    BigDecimal value = rs.getBigDecimal(index);
    return value == null ? null : value.toBigIntegerExact();
  }

  public static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      micros(value.getNano(), value);
      ps.setObject(index, value.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  public static Instant getInstant(ResultSet rs, int index) throws SQLException {
    OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static void setLocalDate(PreparedStatement ps, int index, LocalDate value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DATE);
    } else {
      ps.setObject(index, value, Types.DATE);
    }
  }

  public static LocalDate getLocalDate(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, LocalDate.class);
  }

  public static void setLocalTime(PreparedStatement ps, int index, LocalTime value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIME);
    } else {
      micros(value.getNano(), value);
      ps.setObject(index, value, Types.TIME);
    }
  }

  public static LocalTime getLocalTime(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, LocalTime.class);
  }

  public static void setLocalDateTime(PreparedStatement ps, int index, LocalDateTime value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP);
    } else {
      micros(value.getNano(), value);
      ps.setObject(index, value, Types.TIMESTAMP);
    }
  }

  public static LocalDateTime getLocalDateTime(ResultSet rs, int index) throws SQLException {
    return rs.getObject(index, LocalDateTime.class);
  }

  /** Why a value cannot be stored exactly on PostgreSQL, or null when it can. */
  public static String problem(Object value) {
    int nanos = value instanceof Instant i ? i.getNano()
        : value instanceof LocalDateTime t ? t.getNano()
        : value instanceof LocalTime t ? t.getNano()
        : 0;
    if (nanos % 1000 != 0) {
      return "it has nanoseconds (" + value + ") and PostgreSQL keeps time to the microsecond;"
          + " truncate it first: value.truncatedTo(ChronoUnit.MICROS)";
    }
    if (value instanceof BigDecimal d && d.scale() < 0) {
      return "its scale is negative (" + d.scale() + ") and PostgreSQL's numeric would read it"
          + " back as " + d.toPlainString() + "; give it a scale of zero first:"
          + " value.setScale(0)";
    }
    if (value instanceof String s && s.indexOf('\0') >= 0) {
      return "it holds a NUL character (\\u0000), which PostgreSQL text cannot store";
    }
    return null;
  }

  private static void micros(int nanos, Object value) {
    if (nanos % 1000 != 0) {
      throw new KilnException("cannot store " + value + ": " + problem(value));
    }
  }
}
