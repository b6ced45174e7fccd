package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a property out of the table: it has no column, is never written, and is not filled
 * from the database. When Kiln builds a record, a transient component receives its type's
 * default value ({@code null}, {@code 0} or {@code false}).
 *
 * <p>In a record a derived value is usually better written as a method, which is never
 * persisted; {@code @Transient} is for state that must live in the object but not in the row.
 *
 * <pre>{@code
 * @Table
 * public record Session(@Id String token, Instant expiresAt, @Transient Object cachedUser) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Transient {}
