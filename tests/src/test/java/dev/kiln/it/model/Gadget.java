package dev.kiln.it.model;

import dev.kiln.annotations.AllowScan;
import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A record with a property of each kind the derived-finder operators compare: text (with a
 * nullable one), a boolean, an integer, an exact decimal, an enum and date-time values. The email
 * is deliberately not unique, so that a single-row finder can meet two rows.
 */
@Table(name = "dao_gadget")
@AllowScan("a handful of rows per test: the operator tests read the whole table on purpose")
public record Gadget(
    @Id long id,
    String name,
    String email,
    @Nullable String nickname,
    boolean active,
    int stock,
    BigDecimal price,
    Genre genre,
    Instant addedAt,
    LocalDate releasedOn,
    @Nullable OffsetDateTime shippedAt) {}
