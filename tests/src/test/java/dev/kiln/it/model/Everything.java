package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Every built-in type, primitive and boxed, for round-trip tests. */
@Table
public record Everything(
    @Id UUID id,
    boolean flag,
    byte tiny,
    short small,
    int number,
    long big,
    float ratio,
    double measure,
    @Nullable Boolean boxedFlag,
    @Nullable Byte boxedTiny,
    @Nullable Short boxedSmall,
    @Nullable Integer boxedNumber,
    @Nullable Long boxedBig,
    @Nullable Float boxedRatio,
    @Nullable Double boxedMeasure,
    @Nullable String text,
    byte @Nullable [] bytes,
    @Nullable BigDecimal decimal,
    @Nullable BigInteger integer,
    @Nullable UUID uuid,
    @Nullable Genre genre,
    @Nullable Instant instant,
    @Nullable LocalDate date,
    @Nullable LocalTime time,
    @Nullable LocalDateTime dateTime,
    @Nullable OffsetDateTime offsetDateTime) {}
