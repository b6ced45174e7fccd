package dev.kiln.spi;

import dev.kiln.migrations.schema.Ordering;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;

/** The {@link ValueType} of every built-in type, built over {@link JdbcValues}. */
public final class ValueTypes {

  public static final ValueType<Boolean> BOOLEAN =
      of(JdbcValues::setBoolean, JdbcValues::getBoolean);
  public static final ValueType<Byte> BYTE = of(JdbcValues::setByte, JdbcValues::getByte);
  public static final ValueType<Short> SHORT = of(JdbcValues::setShort, JdbcValues::getShort);
  public static final ValueType<Integer> INTEGER =
      new Simple<>(JdbcValues::setInteger, JdbcValues::getInteger, new PresentInteger());
  public static final ValueType<Long> LONG =
      new Simple<>(JdbcValues::setLong, JdbcValues::getLong, new PresentLong());
  public static final ValueType<Float> FLOAT = of(JdbcValues::setFloat, JdbcValues::getFloat);
  public static final ValueType<Double> DOUBLE = of(JdbcValues::setDouble, JdbcValues::getDouble);
  public static final ValueType<String> STRING = of(JdbcValues::setString, JdbcValues::getString);
  public static final ValueType<byte[]> BYTES = new Simple<>(
      JdbcValues::setBytes, JdbcValues::getBytes) {
    @Override
    public byte[] copy(byte[] value) {
      return value == null ? null : value.clone();
    }
  };
  public static final ValueType<UUID> UUID = of(JdbcValues::setUuid, JdbcValues::getUuid);
  public static final ValueType<BigDecimal> BIG_DECIMAL =
      numericText(JdbcValues::setBigDecimal, JdbcValues::getBigDecimal);
  public static final ValueType<BigInteger> BIG_INTEGER =
      numericText(JdbcValues::setBigInteger, JdbcValues::getBigInteger);
  public static final ValueType<Instant> INSTANT =
      of(JdbcValues::setInstant, JdbcValues::getInstant);
  public static final ValueType<LocalDate> LOCAL_DATE =
      of(JdbcValues::setLocalDate, JdbcValues::getLocalDate);
  public static final ValueType<LocalTime> LOCAL_TIME =
      of(JdbcValues::setLocalTime, JdbcValues::getLocalTime);
  public static final ValueType<LocalDateTime> LOCAL_DATE_TIME =
      of(JdbcValues::setLocalDateTime, JdbcValues::getLocalDateTime);
  public static final ValueType<OffsetDateTime> OFFSET_DATE_TIME = new Simple<>(
      JdbcValues::setOffsetDateTime, JdbcValues::getOffsetDateTime) {
    @Override
    public Ordering ordering() {
      return Ordering.OFFSET_DATE_TIME;
    }
  };

  private ValueTypes() {}

  /** A list of integers or text bound to one parameter, for {@code SqlDialect.inBoundList}. */
  @SuppressWarnings("unchecked")
  public static <T> ValueType<T> list() {
    return (ValueType<T>) LIST;
  }

  private static final ValueType<java.util.Collection<?>> LIST = of(
      JdbcValues::setList, (rs, i) -> {
        throw new UnsupportedOperationException("a list is bound, never read");
      });

  /** An enum stored by name. */
  public static <E extends Enum<E>> ValueType<E> enumType(Function<String, E> valueOf) {
    return of(JdbcValues::setEnum, (rs, i) -> JdbcValues.getEnum(rs, i, valueOf));
  }

  private static <T> ValueType<T> of(Binder<T> binder, Reader<T> reader) {
    return new Simple<>(binder, reader);
  }

  /**
   * Decimal text compares as a number in SQL, exactly ({@link Ordering#NUMERIC_TEXT}), so
   * {@code 9.5 < 10 < 100.25} holds where text order would say {@code '10' < '100.25' < '9.5'}.
   */
  private static <T> ValueType<T> numericText(Binder<T> binder, Reader<T> reader) {
    return new Simple<>(binder, reader) {
      @Override
      public Ordering ordering() {
        return Ordering.NUMERIC_TEXT;
      }
    };
  }

  private interface Binder<T> {
    void bind(PreparedStatement ps, int index, T value) throws SQLException;
  }

  private interface Reader<T> {
    T read(ResultSet rs, int index) throws SQLException;
  }

  /**
   * Longs read from a NOT NULL column ({@link ValueType#present()}): a class of its own, so that
   * a call site reading them inlines it, with no null to merge with the box, and a box the JIT
   * can drop ({@link Boxes}).
   */
  private static final class PresentLong implements ValueType<Long> {
    @Override
    public void bind(PreparedStatement ps, int index, Long value) throws SQLException {
      JdbcValues.setLong(ps, index, value);
    }

    @Override
    public Long read(ResultSet rs, int index) throws SQLException {
      return Boxes.box(JdbcValues.requireLong(rs, index));
    }
  }

  /** Integers read from a NOT NULL column, as {@link PresentLong} reads longs. */
  private static final class PresentInteger implements ValueType<Integer> {
    @Override
    public void bind(PreparedStatement ps, int index, Integer value) throws SQLException {
      JdbcValues.setInteger(ps, index, value);
    }

    @Override
    public Integer read(ResultSet rs, int index) throws SQLException {
      return Boxes.box(JdbcValues.requireInt(rs, index));
    }
  }

  private static class Simple<T> implements ValueType<T> {
    private final Binder<T> binder;
    private final Reader<T> reader;
    private final ValueType<T> present;

    Simple(Binder<T> binder, Reader<T> reader) {
      this(binder, reader, null);
    }

    /** With {@code present} reading the type's NOT NULL columns, or null to read them so too. */
    Simple(Binder<T> binder, Reader<T> reader, ValueType<T> present) {
      this.binder = binder;
      this.reader = reader;
      this.present = present == null ? this : present;
    }

    @Override
    public ValueType<T> present() {
      return present;
    }

    @Override
    public void bind(PreparedStatement ps, int index, T value) throws SQLException {
      binder.bind(ps, index, value);
    }

    @Override
    public T read(ResultSet rs, int index) throws SQLException {
      return reader.read(rs, index);
    }
  }
}
