package dev.kiln.it.model;

import dev.kiln.annotations.Id;
import dev.kiln.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * An entity over a table that another tool created and fills: not {@code STRICT}, so its columns
 * may hold any storage class, whatever their declared types.
 */
@Table(name = "legacy_invoice", strict = false)
public record Invoice(
    @Id long id,
    @Nullable LocalDateTime issuedAt,
    @Nullable Instant paidAt,
    @Nullable OffsetDateTime sentAt,
    @Nullable LocalDate dueDate,
    @Nullable BigDecimal amount,
    @Nullable BigDecimal tax) {}
