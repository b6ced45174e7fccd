package dev.kiln.annotations;

/**
 * Converts a property's Java type {@code J} to a built-in type {@code S} that Kiln stores
 * directly, and back. Use it with {@link Convert} on the property.
 *
 * <p>{@code S} must be one of the built-in types: {@code boolean}, {@code byte}, {@code short},
 * {@code int}, {@code long}, {@code float}, {@code double} and their boxes, {@code String},
 * {@code byte[]}, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, an enum (stored by
 * name), {@code Instant}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime} or
 * {@code OffsetDateTime}.
 *
 * <p>Implementations need a public no-argument constructor, because generated code creates them
 * with {@code new} rather than by reflection. Keep them stateless: one instance may serve many
 * threads. {@code null} is never passed to either method; a {@code null} property is stored as
 * SQL {@code NULL}, and {@code NULL} reads back as {@code null}, without calling the converter.
 *
 * <pre>{@code
 * public final class MoneyConverter implements Converter<Money, BigDecimal> {
 *   public BigDecimal toSql(Money value) { return value.amount(); }
 *   public Money fromSql(BigDecimal value) { return new Money(value); }
 * }
 * }</pre>
 *
 * @param <J> the property's Java type
 * @param <S> the built-in type stored in the column
 */
public interface Converter<J, S> {

  /**
   * Converts a property value to the value to store.
   *
   * @param value the property value, never {@code null}
   * @return the value to store
   */
  S toSql(J value);

  /**
   * Converts a stored value back to the property value.
   *
   * @param value the stored value, never {@code null}
   * @return the property value
   */
  J fromSql(S value);
}
