package dev.kiln.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Database;
import dev.kiln.it.dao.TemporalSamples;
import dev.kiln.it.dao.TemporalSamples_Impl;
import dev.kiln.it.model.TemporalSample;
import dev.kiln.it.model.TemporalSampleRepository;
import dev.kiln.it.model.TemporalSample_;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A time argument with nanoseconds ({@code Instant.now()} has them) compared with stored times,
 * in typed queries and derived finders, matches exactly what Java's comparison matches, on both
 * engines: on PostgreSQL, which keeps the stored times to the microsecond, through the microsecond
 * bound that means the same, never by rounding the argument.
 */
@Tag("engines")
class TimeArgumentsTest {

  private static final Instant AT = Instant.parse("2024-01-01T10:00:00.000001Z");
  /** Between {@code AT} and the next microsecond. */
  private static final Instant JUST_AFTER = Instant.parse("2024-01-01T10:00:00.000001500Z");

  @TempDir Path dir;
  Database db;
  TemporalSampleRepository samples;
  TemporalSamples finders;
  List<TemporalSample> all;

  @BeforeEach
  void open() {
    db = TestDatabase.open(dir);
    samples = new TemporalSampleRepository(db);
    finders = new TemporalSamples_Impl(db);
    all = samples.insertAll(List.of(
        TemporalSample.of(1, Instant.parse("2024-01-01T10:00:00Z")),
        TemporalSample.of(2, AT),
        TemporalSample.of(3, Instant.parse("2024-01-01T10:00:00.000002Z")),
        TemporalSample.of(4, Instant.parse("2024-01-01T10:00:01Z"))));
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void typedQueriesCompareExactly() {
    check(i -> i.isBefore(JUST_AFTER), where(TemporalSample_.INSTANT.lt(JUST_AFTER)));
    check(i -> !i.isAfter(JUST_AFTER), where(TemporalSample_.INSTANT.le(JUST_AFTER)));
    check(i -> i.isAfter(JUST_AFTER), where(TemporalSample_.INSTANT.gt(JUST_AFTER)));
    check(i -> !i.isBefore(JUST_AFTER), where(TemporalSample_.INSTANT.ge(JUST_AFTER)));
    check(i -> i.equals(JUST_AFTER), where(TemporalSample_.INSTANT.eq(JUST_AFTER)));
    check(i -> !i.equals(JUST_AFTER), where(TemporalSample_.INSTANT.ne(JUST_AFTER)));
    check(i -> !i.isBefore(JUST_AFTER.minusNanos(1000)) && !i.isAfter(JUST_AFTER),
        where(TemporalSample_.INSTANT.between(JUST_AFTER.minusNanos(1000), JUST_AFTER)));
    check(i -> i.equals(AT), where(TemporalSample_.INSTANT.in(AT, JUST_AFTER)));
  }

  @Test
  void derivedFindersCompareExactly() {
    check(i -> i.isBefore(JUST_AFTER), finders.findByInstantLessThan(JUST_AFTER));
    check(i -> !i.isAfter(JUST_AFTER), finders.findByInstantLessThanEqual(JUST_AFTER));
    check(i -> i.isAfter(JUST_AFTER), finders.findByInstantGreaterThan(JUST_AFTER));
    check(i -> !i.isBefore(JUST_AFTER), finders.findByInstantGreaterThanEqual(JUST_AFTER));
    check(i -> i.equals(JUST_AFTER), finders.findByInstant(JUST_AFTER));
    check(i -> !i.equals(JUST_AFTER), finders.findByInstantNot(JUST_AFTER));
    check(i -> !i.isBefore(JUST_AFTER.minusNanos(1000)) && !i.isAfter(JUST_AFTER),
        finders.findByInstantBetween(JUST_AFTER.minusNanos(1000), JUST_AFTER));
    check(i -> i.equals(AT), finders.findByInstantIn(List.of(AT, JUST_AFTER)));
  }

  private List<TemporalSample> where(dev.kiln.query.Condition<TemporalSample> condition) {
    return samples.query().where(condition).list();
  }

  /** {@code found} holds exactly the samples whose instant Java's comparison {@code matches}. */
  private void check(Predicate<Instant> matches, List<TemporalSample> found) {
    Function<List<TemporalSample>, List<Long>> ids =
        list -> list.stream().map(TemporalSample::id).sorted().toList();
    assertEquals(ids.apply(all.stream().filter(s -> matches.test(s.instant())).toList()),
        ids.apply(found));
  }
}
