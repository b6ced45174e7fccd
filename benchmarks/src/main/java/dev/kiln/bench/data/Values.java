package dev.kiln.bench.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text form of {@code author.created_at} — SQLite's {@code YYYY-MM-DD HH:MM:SS} in UTC with
 * an optional fraction of a second, the form Kiln writes an {@code Instant} in — read and written
 * the way someone writing JDBC by hand for speed would: the fixed-width fields are parsed digit
 * by digit, with no formatter. Every non-Kiln contender (JDBC, and the converters or type
 * handlers of Hibernate, jOOQ, JDBI and MyBatis) uses these two methods, so the conversion costs
 * them all the same.
 */
public final class Values {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");

  private Values() {}

  /** Reads {@code 2024-05-01 10:00:00} or {@code 2024-05-01 10:00:00.5} (UTC) as an instant. */
  public static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() < 19 || text.charAt(10) != ' ') {
      throw new IllegalArgumentException("not a date-time: " + text);
    }
    int nanos = 0;
    if (text.length() > 20) {
      int digits = text.length() - 20;
      nanos = digits(text, 20, text.length());
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19), nanos)
        .toInstant(ZoneOffset.UTC);
  }

  /** The text of {@code value}: nine fraction digits less their trailing zeros, none for zero. */
  public static String text(Instant value) {
    if (value == null) {
      return null;
    }
    String text = FORMAT.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    if (text.charAt(end - 1) == '.') {
      end--;
    }
    return text.substring(0, end);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a date-time: " + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
