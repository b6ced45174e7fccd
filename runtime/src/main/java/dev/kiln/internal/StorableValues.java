package dev.kiln.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Which values Kiln can store exactly and read back, and why the others cannot be: a value is
 * stored as it is, or refused before any SQL runs — never written in a form Kiln cannot read,
 * never silently changed. Each method returns the reason a value cannot be stored, or null.
 *
 * <ul>
 *   <li>Text is UTF-8 in SQLite: a lone UTF-16 surrogate has no UTF-8 form (the driver would
 *       write {@code ?}).</li>
 *   <li>SQLite stores a {@code NaN} as NULL and {@code -0.0} as {@code 0.0}; infinities are
 *       kept.</li>
 *   <li>Date-times are text whose order is time order only for years 0000 to 9999, which is also
 *       the range of SQLite's date functions; an {@code OffsetDateTime}'s offset must be one
 *       SQLite's functions read ({@code ±HH:MM} up to 14 hours), since Kiln's queries compare it
 *       by the instant it denotes.</li>
 * </ul>
 */
public final class StorableValues {

  private static final int FIRST_YEAR = 0;
  private static final int LAST_YEAR = 9999;
  /** {@code 0000-01-01T00:00:00Z} and the last second of 9999, as epoch seconds. */
  private static final long FIRST_SECOND =
      LocalDateTime.of(FIRST_YEAR, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long LAST_SECOND =
      LocalDateTime.of(LAST_YEAR, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
  private static final int MAX_OFFSET_SECONDS = 14 * 3600;

  private StorableValues() {}

  /** Why {@code value} cannot be stored, or null. */
  public static String problem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "it holds a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + " at index "
            + i + "), which has no UTF-8 form: SQLite stores text as UTF-8";
      }
    }
    return null;
  }

  /** Why {@code value} cannot be stored, or null. */
  public static String problem(double value) {
    if (Double.isNaN(value)) {
      return "it is NaN, which SQLite stores as NULL";
    }
    if (value == 0.0 && Double.doubleToRawLongBits(value) != 0L) {
      return "it is -0.0, which SQLite stores as 0.0: add 0.0 to it first (-0.0 + 0.0 is 0.0)";
    }
    return null;
  }

  // The date-time checks run on every write and bind of such a value: they compare numbers and
  // allocate nothing unless the value is refused.

  /** Why {@code value} cannot be stored, or null. */
  public static String problem(Instant value) {
    return inRange(value.getEpochSecond()) ? null : outOfRange(value, "in UTC");
  }

  /** Why {@code value} cannot be stored, or null. */
  public static String problem(LocalDate value) {
    return inRange(value.getYear()) ? null : outOfRange(value, "");
  }

  /** Why {@code value} cannot be stored, or null. */
  public static String problem(LocalDateTime value) {
    return inRange(value.getYear()) ? null : outOfRange(value, "");
  }

  /** Why {@code value} cannot be stored, or null. */
  public static String problem(OffsetDateTime value) {
    int offset = value.getOffset().getTotalSeconds();
    if (offset % 60 != 0 || Math.abs(offset) > MAX_OFFSET_SECONDS) {
      return "its offset " + value.getOffset() + " is not one SQLite's date functions read"
          + " (whole minutes, at most 14 hours), and Kiln's queries compare an OffsetDateTime"
          + " by the instant it denotes through them: convert it to another offset first";
    }
    if (!inRange(value.getYear())) {
      return outOfRange(value, "");
    }
    return inRange(value.toEpochSecond()) ? null : outOfRange(value, "in UTC");
  }

  private static boolean inRange(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  private static boolean inRange(long epochSecond) {
    return epochSecond >= FIRST_SECOND && epochSecond <= LAST_SECOND;
  }

  private static String outOfRange(Object value, String zone) {
    return value + " is outside the years 0000 to 9999" + (zone.isEmpty() ? "" : " " + zone)
        + ", the range in which Kiln's date-time text sorts in time order and SQLite's date"
        + " functions work";
  }
}
