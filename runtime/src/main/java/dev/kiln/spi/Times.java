package dev.kiln.spi;

import dev.kiln.internal.postgresql.PostgresPrecision;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * What generated derived finders bind on PostgreSQL for a time argument, which PostgreSQL keeps
 * only to the microsecond: the microsecond bound that makes the comparison mean what it means in
 * Java (see {@link PostgresPrecision}). A time already at the microsecond is bound as it is.
 */
public final class Times {

  /**
   * A time no stored value equals: PostgreSQL accepts years past 9999, which Kiln never stores
   * (it refuses them), so {@code = ?} with it matches nothing and {@code <> ?} every row.
   */
  private static final LocalDateTime NEVER = LocalDateTime.of(10_000, 1, 1, 0, 0);

  private Times() {}

  /** The microsecond above {@code value}: for {@code <} and {@code >=}. */
  public static <T> T ceil(T value) {
    return value == null ? null : PostgresPrecision.bound(value, "<");
  }

  /** The microsecond below {@code value}: for {@code <=} and {@code >}. */
  public static <T> T floor(T value) {
    return value == null ? null : PostgresPrecision.bound(value, "<=");
  }

  /**
   * {@code value} when PostgreSQL can hold it, otherwise a time no stored value equals, for
   * {@code =}, {@code <>} and {@code IN}. A time of day has no such time, so it is bound as it is
   * and refused.
   */
  @SuppressWarnings("unchecked")
  public static <T> T exactOrNever(T value) {
    if (value == null || !PostgresPrecision.finer(value)) {
      return value;
    }
    if (value instanceof Instant) {
      return (T) NEVER.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDateTime) {
      return (T) NEVER;
    }
    return value;
  }
}
