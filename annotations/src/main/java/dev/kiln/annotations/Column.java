package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adjusts the column of a persisted property. Optional: every property of an entity that is not
 * {@link Transient} and not a {@link Relation} is a column anyway, named the snake_case of the
 * property ({@code createdAt} becomes {@code created_at}).
 *
 * <p>Nullability: a primitive is {@code NOT NULL}; a reference-typed property is {@code NOT NULL}
 * unless it carries any annotation named {@code Nullable} (JSpecify, JSR-305, Jakarta,
 * JetBrains…) or {@code @Column(nullable = true)}.
 *
 * <pre>{@code
 * @Table
 * public record Invoice(
 *     @Id(autoGenerate = true) long id,
 *     @Column(unique = true) String number,
 *     @Column(defaultValue = "'draft'") String status,
 *     @Column(name = "issued", nullable = true) LocalDate issuedOn,
 *     @Column(renamedFrom = "total") BigDecimal amount) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Column {

  /** {@return the column name} Empty (the default) means the snake_case of the property name. */
  String name() default "";

  /**
   * {@return whether the column accepts {@code NULL}} The same as annotating the property
   * {@code @Nullable}. A primitive cannot hold {@code null}, so use its box instead.
   */
  boolean nullable() default false;

  /**
   * {@return whether the column gets a {@code UNIQUE} constraint} For uniqueness over several
   * columns, or over a subset of rows, use {@code @Index(unique = true)}.
   */
  boolean unique() default false;

  /**
   * {@return the column's SQL {@code DEFAULT}} It is an SQL literal or expression, written into
   * the DDL as it is, for example {@code "0"}, {@code "'draft'"} (note the quotes of a text
   * literal) or {@code "CURRENT_TIMESTAMP"}. Empty (the default) means no {@code DEFAULT} clause.
   * SQLite needs one to add a {@code NOT NULL} column to a table that already has rows, which is
   * why a new required column usually wants it.
   */
  String defaultValue() default "";

  /**
   * {@return the column's previous name} Set it after renaming the property or {@link #name()}:
   * without it the migration generator cannot tell a rename from a removal plus an addition and
   * would drop the old column with its data; with it, it writes
   * {@code ALTER TABLE … RENAME COLUMN}. Once that migration exists the attribute has done its
   * job and may be removed.
   */
  String renamedFrom() default "";
}
