package dev.kiln.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The field-by-field reading of Kiln's own date-time form must give exactly what the lenient
 * formatter gives, for that form and for every text near it.
 */
class TemporalTextTest {

  /** The lenient formatter as {@code TemporalText} builds it: the reference, with its rule. */
  private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
      .appendPattern("HH:mm")
      .optionalStart().appendLiteral(':').appendPattern("ss")
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
      .toFormatter();

  private static Object reference(String text) {
    try {
      if (text.length() < 5 || text.charAt(4) != '-') {
        java.math.BigDecimal seconds = new java.math.BigDecimal(text);
        return Instant.ofEpochSecond(seconds.longValue(),
            seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
      }
      String normal = text.length() > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't')
          ? text.substring(0, 10) + ' ' + text.substring(11) : text;
      var parsed = LENIENT.parse(normal);
      LocalDateTime local = LocalDateTime.from(parsed);
      ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
      return local.toInstant(offset);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  private static Object actual(String text) {
    try {
      return TemporalText.parseInstant(text);
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  @Test
  void kilnsOwnFormReadsAsTheFormatterReadsIt() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      Instant value = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
          random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = TemporalText.instant(value);
      assertEquals(value, TemporalText.parseInstant(text), text);
      assertEquals(reference(text), actual(text), text);
      assertEquals(LocalDateTime.ofInstant(value, ZoneOffset.UTC),
          TemporalText.parseLocalDateTime(text), text);
    }
  }

  @Test
  void textNearKilnsFormReadsAsTheFormatterReadsIt() {
    List<String> texts = new ArrayList<>(List.of(
        "2024-05-01 10:00:00", "2024-05-01T10:00:00", "2024-05-01t10:00:00",
        "2024-05-01 10:00:00.5", "2024-05-01 10:00:00.123456789", "2024-05-01 10:00:00.",
        "2024-05-01 10:00:00.1234567890", "2024-02-29 00:00:00", "2023-02-29 00:00:00",
        "2024-02-30 00:00:00", "2024-04-31 12:00:00", "2024-13-01 00:00:00",
        "2024-00-10 00:00:00", "2024-01-00 00:00:00", "2024-05-01 24:00:00",
        "2024-05-01 23:60:00", "2024-05-01 23:59:60", "2024-05-01 10:00", "2024-05-01 10:00Z",
        "2024-05-01 10:00:00Z", "2024-05-01 10:00:00+02:00", "2024-05-01 10:00:00.25+0200",
        "2024-05-01 10:00:00-05", "0000-01-01 00:00:00", "9999-12-31 23:59:59.999999999",
        "2024-5-01 10:00:00", "2024-05-01  10:00:00", "2024-05-01 10:0a:00",
        "2024-05-01 10:00:00.1a", "+2024-05-01 10:00:00", "2024/05/01 10:00:00",
        "2024-05-01 10-00-00", "2024-05-01x10:00:00", "1700000000", "1700000000.5"));
    for (String text : texts) {
      assertEquals(reference(text), actual(text), text);
    }
  }

  @Test
  void datesReadAsTheStrictIsoFormatReadsThem() {
    assertEquals(LocalDate.of(2024, 2, 29), TemporalText.parseLocalDate("2024-02-29"));
    assertEquals(LocalDate.of(2024, 2, 29), TemporalText.parseLocalDate("2024-02-29 10:00:00"));
    assertThrows(DateTimeParseException.class, () -> TemporalText.parseLocalDate("2023-02-29"));
    assertThrows(DateTimeParseException.class, () -> TemporalText.parseLocalDate("2024-1-01"));
    assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0),
        TemporalText.parseLocalDateTime("2024-02-29"));
  }
}
