package dev.kiln.internal.postgresql;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Compares a stored time, which PostgreSQL keeps to the microsecond, with an argument that has
 * nanoseconds, exactly: rather than let PostgreSQL round the argument (and {@code <=} match a
 * value just past it), each comparison gets the microsecond bound that means the same.
 * {@code x < v} is {@code x < ceil(v)}, {@code x >= v} is {@code x >= ceil(v)}, {@code x <= v}
 * and {@code x > v} use {@code floor(v)}; no stored value equals {@code v}. A value already at
 * the microsecond is returned as it is.
 */
public final class PostgresPrecision {

  private PostgresPrecision() {}

  /** Whether {@code value} has a fraction PostgreSQL does not keep. */
  public static boolean finer(Object value) {
    int nanos = value instanceof Instant i ? i.getNano()
        : value instanceof LocalDateTime t ? t.getNano()
        : value instanceof LocalTime t ? t.getNano()
        : 0;
    return nanos % 1000 != 0;
  }

  /** The bound to compare with {@code operator} ({@code < <= > >=}) instead of {@code value}. */
  public static <T> T bound(T value, String operator) {
    if (!finer(value)) {
      return value;
    }
    return switch (operator) {
      case "<", ">=" -> ceil(value);
      case "<=", ">" -> floor(value);
      default -> throw new IllegalArgumentException("no bound for " + operator);
    };
  }

  /** {@code value} to the microsecond below it. */
  @SuppressWarnings("unchecked")
  public static <T> T floor(T value) {
    if (value instanceof Instant i) {
      return (T) i.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalDateTime t) {
      return (T) t.truncatedTo(ChronoUnit.MICROS);
    }
    if (value instanceof LocalTime t) {
      return (T) t.truncatedTo(ChronoUnit.MICROS);
    }
    return value;
  }

  /**
   * {@code value} to the microsecond above it. A time of day past 23:59:59.999999 has none, so
   * it stays as it is, and is refused when bound.
   */
  @SuppressWarnings("unchecked")
  public static <T> T ceil(T value) {
    if (value instanceof Instant i) {
      return (T) i.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }
    if (value instanceof LocalDateTime t) {
      return (T) t.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS);
    }
    if (value instanceof LocalTime t) {
      LocalTime up = t.truncatedTo(ChronoUnit.MICROS).plusNanos(1000);
      return (T) (up.isBefore(t) ? t : up);
    }
    return value;
  }
}
