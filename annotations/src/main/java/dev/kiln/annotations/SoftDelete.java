package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the property that says a row is deleted; at most one per entity. A {@code boolean} is
 * true for a deleted row; a nullable {@code Instant} holds when it was deleted (the database's
 * clock), null for a live row.
 *
 * <p>The repository's deletes then mark the row instead of removing it, and everything Kiln
 * generates reads live rows only: finders, {@code count}, {@code existsById}, typed queries
 * (unless {@code withDeleted()}), conditions through relations, fetch plans (a deleted related
 * row is not loaded; a deleted to-one reads as null) and derived {@code @Dao} queries. An
 * {@code @Sql} query is the SQL you wrote. Foreign keys' {@code ON DELETE} actions do not run
 * for a row that is only marked.
 *
 * <pre>{@code
 * @Table
 * public record Customer(@Id(autoGenerate = true) long id, String name,
 *     @SoftDelete @Nullable Instant deletedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface SoftDelete {}
