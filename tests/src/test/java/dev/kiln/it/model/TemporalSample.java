package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One date/time value of each kind, all optional, for ordering and comparison tests. */
@Table(name = "temporal_sample")
public record TemporalSample(
    @Id long id,
    @Nullable Instant instant,
    @Nullable LocalDateTime dateTime,
    @Nullable LocalDate date,
    @Nullable LocalTime time,
    @Nullable OffsetDateTime offsetDateTime) {

  public static TemporalSample of(long id, Instant instant) {
    return new TemporalSample(id, instant, null, null, null, null);
  }

  public static TemporalSample of(long id, LocalDateTime dateTime) {
    return new TemporalSample(id, null, dateTime, null, null, null);
  }

  public static TemporalSample of(long id, LocalDate date) {
    return new TemporalSample(id, null, null, date, null, null);
  }

  public static TemporalSample of(long id, LocalTime time) {
    return new TemporalSample(id, null, null, null, time, null);
  }

  public static TemporalSample of(long id, OffsetDateTime offsetDateTime) {
    return new TemporalSample(id, null, null, null, null, offsetDateTime);
  }
}
