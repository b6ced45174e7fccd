package dev.kiln.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The text forms in which Kiln stores date and time values, chosen so that SQLite's plain text
 * comparison orders them chronologically and SQLite's own date functions understand them.
 *
 * <p>Implementation notes: {@code LocalDateTime} and {@code Instant} (in UTC) use SQLite's
 * canonical {@code YYYY-MM-DD HH:MM:SS} followed by the fraction of a second with its trailing
 * zeros removed (none when it is zero). A shorter fraction is a prefix of a longer one, so text
 * order is time order, and a value written by another tool as {@code '2009-01-01 00:00:00'} is
 * equal to Kiln's. {@code OffsetDateTime} keeps its local time and offset
 * ({@code 2024-05-01 10:00:00.000000000+02:00}) with a fixed nine-digit fraction, so that
 * {@code Ordering.OFFSET_DATE_TIME} can rebuild a UTC key from it in SQL. Reading is lenient: a
 * {@code T} or a space between date and time, any fraction, an optional {@code Z} or offset, as
 * other tools write them.
 */
public final class TemporalText {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter();

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DATE).appendLiteral(' ').append(TIME).toFormatter();

  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DATE).appendLiteral(' ').appendPattern("HH:mm:ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
      .appendOffset("+HH:MM:ss", "+00:00")
      .toFormatter();

  /**
   * Lenient reader: seconds and fraction optional, then an optional {@code Z} or offset, written
   * {@code +02:00} (ISO, SQLite), {@code +0200} or {@code +02} (PostgreSQL's text form).
   */
  private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
      .append(DATE).appendLiteral(' ')
      .appendPattern("HH:mm")
      .optionalStart().appendLiteral(':').appendPattern("ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
      .toFormatter();

  /** What {@link #canonicalEpochSecond} returns for text not in the form Kiln writes. */
  private static final long NOT_CANONICAL = Long.MIN_VALUE;

  private TemporalText() {}

  public static String localDate(LocalDate value) {
    return DATE.format(storable(value, StorableValues.problem(value)));
  }

  public static String localTime(LocalTime value) {
    return TIME.format(value);
  }

  public static String localDateTime(LocalDateTime value) {
    return DATE_TIME.format(storable(value, StorableValues.problem(value)));
  }

  public static String instant(Instant value) {
    return DATE_TIME.format(LocalDateTime.ofInstant(
        storable(value, StorableValues.problem(value)), ZoneOffset.UTC));
  }

  public static String offsetDateTime(OffsetDateTime value) {
    return OFFSET_DATE_TIME.format(storable(value, StorableValues.problem(value)));
  }

  /**
   * {@code value}, or a {@code KilnException} when it has a {@code problem}: the last guard for
   * values that reach SQL without an entity's check, such as a query's parameters.
   */
  private static <T> T storable(T value, String problem) {
    if (problem != null) {
      throw new dev.kiln.KilnException("cannot use the value " + value + ": " + problem);
    }
    return value;
  }

  public static LocalDate parseLocalDate(String text) {
    LocalDate fast = text.length() == 10 ? date(text) : null;
    if (fast != null) {
      return fast;
    }
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text, DATE);
  }

  public static LocalTime parseLocalTime(String text) {
    return LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
  }

  public static LocalDateTime parseLocalDateTime(String text) {
    if (text.length() == 10) {
      return parseLocalDate(text).atStartOfDay();
    }
    long seconds = canonicalEpochSecond(text);
    if (seconds != NOT_CANONICAL) {
      return LocalDateTime.ofEpochSecond(seconds, fraction(text), ZoneOffset.UTC);
    }
    return READ.parse(normalise(text), LocalDateTime::from);
  }

  public static Instant parseInstant(String text) {
    long seconds = canonicalEpochSecond(text);
    if (seconds != NOT_CANONICAL) {
      // The date and time stay numbers on the way: only the Instant is allocated, whatever the
      // JIT inlines (a LocalDate, LocalTime and LocalDateTime between cost 72 bytes a value
      // wherever escape analysis did not remove them).
      return Instant.ofEpochSecond(seconds, fraction(text));
    }
    if (isNumber(text)) {
      // SQLite's convention for a number in a date-time context: seconds since the Unix epoch.
      java.math.BigDecimal decimal = new java.math.BigDecimal(text);
      return Instant.ofEpochSecond(decimal.longValue(),
          decimal.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
    }
    var parsed = READ.parse(normalise(text));
    LocalDateTime local = LocalDateTime.from(parsed);
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
    return local.toInstant(offset);
  }

  public static OffsetDateTime parseOffsetDateTime(String text) {
    var parsed = READ.parse(normalise(text));
    ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
    return OffsetDateTime.of(LocalDateTime.from(parsed), offset);
  }

  /**
   * The form Kiln writes, {@code YYYY-MM-DD HH:MM:SS} with an optional fraction of one to nine
   * digits (or {@code T} for the space), read field by field, as seconds since the epoch taken as
   * UTC; {@link #NOT_CANONICAL} for any other text, which the lenient formatter then reads. The
   * formatter costs about a microsecond a value (half of a find-by-key), this a few dozen
   * nanoseconds. A value out of range (a 30th of February, hour 24) is left to the formatter too,
   * so that both paths accept and resolve exactly the same.
   */
  private static long canonicalEpochSecond(String text) {
    int length = text.length();
    if (length < 19 || length == 20 || length > 29) {
      return NOT_CANONICAL;
    }
    char separator = text.charAt(10);
    if ((separator != ' ' && separator != 'T' && separator != 't') || text.charAt(13) != ':'
        || text.charAt(16) != ':' || (length > 19 && text.charAt(19) != '.')
        || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return NOT_CANONICAL;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (!isDate(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || fraction(text) < 0) {
      return NOT_CANONICAL;
    }
    return IsoChronology.INSTANCE.epochSecond(year, month, day, hour, minute, second,
        ZoneOffset.UTC);
  }

  /** The fraction after {@code HH:MM:SS.} in nanoseconds: 0 without one, -1 if not digits. */
  private static int fraction(String text) {
    int length = text.length();
    if (length <= 20) {
      return 0;
    }
    int nanos = digits(text, 20, length);
    for (int i = length - 20; i < 9 && nanos > 0; i++) {
      nanos *= 10;
    }
    return nanos;
  }

  /** {@code YYYY-MM-DD} at the start of {@code text}, or null for other text or an invalid date. */
  private static LocalDate date(String text) {
    if (text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    return isDate(year, month, day) ? LocalDate.of(year, month, day) : null;
  }

  /** Whether the numbers {@link #digits} read make a date of the proleptic Gregorian calendar. */
  private static boolean isDate(int year, int month, int day) {
    return year >= 0 && month >= 1 && month <= 12 && day >= 1
        && day <= Month.of(month).length(Year.isLeap(year));
  }

  /** The decimal digits {@code from} (inclusive) {@code to} (exclusive) as a number, or -1. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Accepts ISO's {@code T} as well as SQLite's space between date and time. */
  private static String normalise(String text) {
    if (text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't')) {
      return text.substring(0, 10) + ' ' + text.substring(11);
    }
    return text;
  }

  private static boolean isNumber(String text) {
    return text.length() < 5 || text.charAt(4) != '-';
  }
}
