package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property as (part of) the entity's primary key. Every {@link Table} entity needs at
 * least one.
 *
 * <p>Several {@code @Id} properties make a composite key, ordered as the properties are
 * declared; the generated {@code findById}, {@code existsById} and {@code deleteById} then take
 * one parameter per key part in that order.
 *
 * <pre>{@code
 * @Table
 * public record Author(@Id(autoGenerate = true) long id, String name) {}
 *
 * @Table
 * public record Membership(@Id long userId, @Id long groupId, Instant since) {}
 * // memberships.findById(userId, groupId)
 * }</pre>
 *
 * @see ForeignKey
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Id {

  /**
   * {@return whether SQLite assigns the key} When {@code true}, an integer key ({@code long},
   * {@code int} or their boxes) that is {@code 0} or {@code null} on insert is assigned by
   * SQLite, and {@code insert} returns the entity with the assigned key. The key becomes
   * SQLite's rowid alias ({@code INTEGER PRIMARY KEY}), which is why this needs a
   * single-property integer key. Defaults to {@code false}: the application supplies every key.
   */
  boolean autoGenerate() default false;
}
