package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Database;
import dev.kiln.it.model.TemporalSample;
import dev.kiln.it.model.TemporalSampleRepository;
import dev.kiln.it.model.TemporalSample_;
import dev.kiln.query.ComparableColumn;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Date and time values sort chronologically in generated queries ({@code orderBy(asc/desc)}) and
 * compare chronologically in their conditions ({@code eq ne lt le gt ge between}), for
 * {@code Instant}, {@code LocalDateTime}, {@code LocalDate}, {@code LocalTime} and
 * {@code OffsetDateTime} (whose order is that of the instants, whatever the offsets).
 *
 * <p>Each test stores a set of values that are easy to get wrong (whole against fractional
 * seconds, values one nanosecond apart, the first and last years, the same wall-clock time at
 * different offsets) in random order, then checks the database's answer to every ordering and
 * every comparison against each stored value with Java's own order.
 */
@Tag("engines")
class TemporalOrderingTest {

  @TempDir Path dir;
  Database db;
  TemporalSampleRepository samples;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    samples = new TemporalSampleRepository(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @Tag("sqlite")
  void instants() {
    List<Instant> values = Stream.of("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.5Z",
            "2024-01-01T10:00:00.05Z", "2024-01-01T10:00:00.000000001Z",
            "2024-01-01T10:00:00.000000002Z", "2024-01-01T09:59:59.999999999Z",
            "2024-01-01T10:00:01Z", "2024-01-01T10:00:00.9999Z", "2024-01-01T10:00:10Z",
            "2024-01-01T10:00:09.5Z", "1969-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
            "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2023-12-31T23:59:59Z")
        .map(Instant::parse).toList();
    assertChronological(values, TemporalSample::of, TemporalSample::instant,
        TemporalSample_.INSTANT, Comparator.naturalOrder());
  }

  @Test
  void wholeSecondsComeBeforeTheirFractions() {
    Instant whole = Instant.parse("2024-01-01T10:00:00Z");
    Instant half = Instant.parse("2024-01-01T10:00:00.5Z");
    samples.insertAll(List.of(TemporalSample.of(1, half), TemporalSample.of(2, whole)));
    assertEquals(List.of(2L, 1L), ids(samples.query().orderBy(TemporalSample_.INSTANT.asc())
        .list()));
    assertEquals(List.of(1L), ids(samples.query().where(TemporalSample_.INSTANT.gt(whole))
        .list()));
    assertEquals(List.of(2L), ids(samples.query().where(TemporalSample_.INSTANT.lt(half))
        .list()));
    assertEquals(List.of(2L), ids(samples.query().where(TemporalSample_.INSTANT.eq(whole))
        .list()));
    assertEquals(List.of(1L, 2L), ids(samples.query()
        .where(TemporalSample_.INSTANT.between(whole, half)).list()));
  }

  @Test
  @Tag("sqlite")
  void localDateTimes() {
    List<LocalDateTime> values = Stream.of("2024-01-01T10:00", "2024-01-01T10:00:00.5",
            "2024-01-01T10:00:00.05", "2024-01-01T10:00:00.000000001",
            "2024-01-01T09:59:59.999999999", "2024-01-01T10:00:01", "2024-01-01T10:01",
            "2024-01-01T10:00:00.999", "2023-12-31T23:59:59.999", "0001-01-01T00:00",
            "9999-12-31T23:59:59.999999999", "2024-02-29T00:00", "2024-03-01T00:00")
        .map(LocalDateTime::parse).toList();
    assertChronological(values, TemporalSample::of, TemporalSample::dateTime,
        TemporalSample_.DATE_TIME, Comparator.naturalOrder());
  }

  @Test
  void localDates() {
    List<LocalDate> values = Stream.of("0001-01-01", "0999-12-31", "1000-01-01", "1969-12-31",
            "1970-01-01", "2024-02-29", "2024-03-01", "2024-12-31", "2025-01-01", "9999-12-31")
        .map(LocalDate::parse).toList();
    assertChronological(values, TemporalSample::of, TemporalSample::date,
        TemporalSample_.DATE, Comparator.naturalOrder());
  }

  @Test
  @Tag("sqlite")
  void localTimes() {
    List<LocalTime> values = Stream.of("00:00", "00:00:00.000000001", "09:00", "09:59:59.999999999",
            "10:00", "10:00:00.5", "10:00:00.05", "10:00:01", "10:00:00.999999999", "12:00",
            "23:59:59.999999999", "23:59")
        .map(LocalTime::parse).toList();
    assertChronological(values, TemporalSample::of, TemporalSample::time,
        TemporalSample_.TIME, Comparator.naturalOrder());
  }

  @Test
  void offsetDateTimesInTheOrderOfTheirInstants() {
    List<OffsetDateTime> values = Stream.of(
            "2024-05-01T12:00+02:00", // 10:00Z
            "2024-05-01T11:00Z",
            "2024-05-01T10:30Z",
            "2024-05-01T02:59-08:00", // 10:59Z
            "2024-05-01T15:29:59.999999999+05:30", // 09:59:59.999999999Z
            "2024-05-01T10:00:00.000000001Z",
            "2024-05-02T01:30+14:00", // 2024-05-01T11:30Z
            "2024-04-30T22:45-12:00", // 2024-05-01T10:45Z
            "2024-05-01T10:00:00.9996Z",
            "2024-05-01T12:00:01.0001+02:00", // 10:00:01.0001Z
            "2024-05-01T10:00:00.5+00:00",
            "1999-12-31T23:59:59.999999999Z",
            "2000-01-01T01:00:00.000000001+01:00", // 2000-01-01T00:00:00.000000001Z
            "0001-01-01T00:00Z",
            "9999-12-31T23:59:59.999999999Z")
        .map(OffsetDateTime::parse).toList();
    assertChronological(values, TemporalSample::of, TemporalSample::offsetDateTime,
        TemporalSample_.OFFSET_DATE_TIME, OffsetDateTime.timeLineOrder());
  }

  @Test
  void anEarlierWallClockAtAnotherOffsetIsLater() {
    OffsetDateTime noonPlusTwo = OffsetDateTime.parse("2024-05-01T12:00+02:00");
    OffsetDateTime elevenUtc = OffsetDateTime.parse("2024-05-01T11:00Z");
    samples.insertAll(List.of(TemporalSample.of(1, elevenUtc), TemporalSample.of(2, noonPlusTwo)));
    assertEquals(List.of(2L, 1L), ids(samples.query()
        .orderBy(TemporalSample_.OFFSET_DATE_TIME.asc()).list()));
    assertEquals(List.of(2L), ids(samples.query()
        .where(TemporalSample_.OFFSET_DATE_TIME.lt(elevenUtc)).list()));
    assertEquals(List.of(1L), ids(samples.query()
        .where(TemporalSample_.OFFSET_DATE_TIME.gt(noonPlusTwo)).list()));
    // read back with the offsets they were written with
    assertEquals(noonPlusTwo, samples.findById(2).orElseThrow().offsetDateTime());
  }

  // ---- the check ----------------------------------------------------------------------------

  /**
   * Stores {@code values} in a shuffled order, then checks ascending and descending order, and
   * each comparison against every value (and {@code between} every pair), with {@code order}.
   */
  private <T extends Comparable<? super T>> void assertChronological(List<T> values,
      BiFunction<Long, T, TemporalSample> sample, Function<TemporalSample, T> property,
      ComparableColumn<TemporalSample, T> column, Comparator<? super T> order) {
    List<T> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, new Random(42));
    List<TemporalSample> rows = new ArrayList<>();
    for (int i = 0; i < shuffled.size(); i++) {
      rows.add(sample.apply((long) i + 1, shuffled.get(i)));
    }
    samples.insertAll(rows);
    new QueryOrderCheck<>(samples::query, column, property, TemporalSample::id, order)
        .check(rows);
  }

  private static List<Long> ids(List<TemporalSample> found) {
    return found.stream().map(TemporalSample::id).toList();
  }
}
