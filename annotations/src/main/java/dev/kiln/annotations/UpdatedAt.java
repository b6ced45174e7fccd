package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code Instant} property as the time its row was last written; at most one per entity.
 * Kiln sets it on every insert, update and upsert through the repository, and on every row a
 * typed {@code update(…)} changes, to the database's clock ({@code DatabaseBuilder.clock}, to the
 * microsecond), and returns the entity with it. See {@link CreatedAt}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface UpdatedAt {}
