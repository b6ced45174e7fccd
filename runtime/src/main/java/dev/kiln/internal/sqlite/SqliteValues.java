package dev.kiln.internal.sqlite;

import dev.kiln.internal.TemporalText;
import dev.kiln.migrations.schema.DecimalText;
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
import java.util.UUID;

/**
 * How SQLite stores the types it has no storage class for: booleans as {@code INTEGER} 0/1,
 * UUIDs, {@code BigDecimal}/{@code BigInteger} in their exact decimal form (so a
 * {@code BigDecimal} keeps its scale) and date-time values in the forms {@link TemporalText}
 * describes (so they keep their nanoseconds and sort chronologically), all as {@code TEXT}.
 * Kiln's generated queries compare decimal text as exact numbers ({@code Ordering}).
 */
public final class SqliteValues {

  private SqliteValues() {}

  public static void setBoolean(PreparedStatement ps, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value ? 1 : 0);
    }
  }

  public static UUID getUuid(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "UUID", UUID::fromString);
  }

  public static void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
    setText(ps, index, value == null ? null : value.toString());
  }

  /**
   * Reads text, an integer or a real: a {@code NUMERIC} column written by another tool reads as
   * the decimal SQLite prints for it ({@code 0.99}, not {@code 0.98999999999999999}).
   */
  public static BigDecimal getBigDecimal(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "BigDecimal", DecimalText::parse);
  }

  /** Binds the exact decimal text, {@link BigDecimal#toString()}, which keeps the scale. */
  public static void setBigDecimal(PreparedStatement ps, int index, BigDecimal value)
      throws SQLException {
    setText(ps, index, value == null ? null : value.toString());
  }

  public static BigInteger getBigInteger(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "BigInteger",
        text -> DecimalText.parse(text).toBigIntegerExact());
  }

  public static void setBigInteger(PreparedStatement ps, int index, BigInteger value)
      throws SQLException {
    setText(ps, index, value == null ? null : value.toString());
  }

  public static Instant getInstant(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "Instant", TemporalText::parseInstant);
  }

  public static void setInstant(PreparedStatement ps, int index, Instant value)
      throws SQLException {
    setText(ps, index, value == null ? null : TemporalText.instant(value));
  }

  public static LocalDate getLocalDate(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "LocalDate", TemporalText::parseLocalDate);
  }

  public static void setLocalDate(PreparedStatement ps, int index, LocalDate value)
      throws SQLException {
    setText(ps, index, value == null ? null : TemporalText.localDate(value));
  }

  public static LocalTime getLocalTime(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "LocalTime", TemporalText::parseLocalTime);
  }

  public static void setLocalTime(PreparedStatement ps, int index, LocalTime value)
      throws SQLException {
    setText(ps, index, value == null ? null : TemporalText.localTime(value));
  }

  public static LocalDateTime getLocalDateTime(ResultSet rs, int index) throws SQLException {
    return SqliteText.parse(rs, index, "LocalDateTime", TemporalText::parseLocalDateTime);
  }

  public static void setLocalDateTime(PreparedStatement ps, int index, LocalDateTime value)
      throws SQLException {
    setText(ps, index, value == null ? null : TemporalText.localDateTime(value));
  }

  private static void setText(PreparedStatement ps, int index, String text) throws SQLException {
    if (text == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, text);
    }
  }
}
