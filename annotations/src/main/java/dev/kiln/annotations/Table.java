package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class as an entity: one row of one SQLite table.
 *
 * <p>For every entity the processor generates a repository ({@code AuthorRepository}) and a
 * metamodel ({@code Author_}) next to it, and includes the table in the next migration when the
 * schema changed. Each persisted property becomes a column; use {@link Column} to adjust one,
 * {@link Id} to mark the primary key, {@link Transient} to leave a property out and
 * {@link Relation} for properties that hold other entities.
 *
 * <pre>{@code
 * @Table                      // table "invoice_line"
 * public record InvoiceLine(@Id(autoGenerate = true) long id, String sku, int quantity) {}
 *
 * @Table(name = "people", strict = false)
 * public record Person(@Id String login, String name) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {

  /**
   * {@return the table name} Empty (the default) means the snake_case of the simple class name:
   * {@code InvoiceLine} becomes {@code invoice_line}.
   */
  String name() default "";

  /**
   * {@return whether the table is a SQLite {@code STRICT} table} It is by default. A strict table
   * rejects a value of the wrong type instead of silently converting it, which catches mistakes
   * made by other tools and hand-written SQL writing to the same table. Turn it off only for a
   * table that must keep SQLite's lenient typing.
   */
  boolean strict() default true;

  /**
   * {@return the table's former name} when the entity or its table was renamed: the next
   * migration then renames the table ({@code ALTER TABLE old RENAME TO new}), keeping its rows
   * and the foreign keys that point at it, instead of dropping it and creating a new one. Remove
   * it once every database has the new name, or leave it: a table already renamed is left alone.
   *
   * <pre>{@code
   * @Table(renamedFrom = "writer")   // was: public record Writer(...)
   * public record Author(@Id long id, String name) {}
   * }</pre>
   */
  String renamedFrom() default "";
}
