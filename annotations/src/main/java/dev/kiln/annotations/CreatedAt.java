package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Instant} property as the time its row was inserted; at most one per entity.
 * Kiln fills it on {@code insert}, {@code insertAll}, and the insert of an {@code upsert}, when
 * the entity holds null there, with the database's clock ({@code DatabaseBuilder.clock}, to the
 * microsecond), and returns the entity with it; a value the entity holds is kept, so rows
 * copied from elsewhere keep their time. Updates write it as the entity holds it.
 *
 * <pre>{@code
 * @Table
 * public record Order(@Id(autoGenerate = true) long id, BigDecimal total,
 *     @CreatedAt @Nullable Instant createdAt, @UpdatedAt @Nullable Instant updatedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface CreatedAt {}
