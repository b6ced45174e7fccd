package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an index on an entity's table; repeat it for several indexes. The migration
 * generator creates, drops and changes indexes to match these declarations.
 *
 * <p>{@link #columns()} lists Java <em>property</em> names, not column names, so that a typo or
 * a renamed property is a compile error rather than a broken migration; each may be followed by
 * {@code COLLATE NOCASE} (the index compares with ASCII letters folded, as a derived
 * {@code IgnoreCase} query does: on PostgreSQL it indexes that folding expression) and by
 * {@code ASC} or {@code DESC}. {@link #where()}, in contrast, is SQL and uses column names.
 *
 * <p>Indexes also decide what the build-time plan check ({@code -Akiln.planCheck=warn|error})
 * reports: a query that would scan the whole table needs an index here, or {@link AllowScan}.
 *
 * <pre>{@code
 * @Table
 * @Index(columns = {"lastName", "firstName"})     // ix_customer_last_name_first_name
 * @Index(columns = "email", unique = true, where = "deleted_at IS NULL")
 *                                                 // ux_customer_email, among live rows only
 * @Index(name = "ix_customer_deleted", columns = "deletedAt")
 * @Index(columns = {"lastName COLLATE NOCASE", "createdAt DESC"})
 *                                                 // findByLastNameIgnoreCase…OrderByCreatedAtDesc
 * public record Customer(@Id long id, String email, String lastName, String firstName,
 *     @Nullable Instant deletedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {

  /**
   * {@return the index name} Empty (the default) means
   * {@code ix_<table>_<column1>_<column2>…}, or {@code ux_…} for a unique index, built from the
   * table and column names.
   */
  String name() default "";

  /**
   * {@return the indexed properties, by Java property name, in index order} Each may be followed
   * by {@code COLLATE NOCASE}, then {@code ASC} or {@code DESC}.
   */
  String[] columns();

  /** {@return whether the index is {@code UNIQUE}} */
  boolean unique() default false;

  /**
   * {@return the condition that makes the index partial} It is SQL over column names, for example
   * {@code "deleted_at IS NULL"}. Empty (the default) indexes every row. A partial unique index
   * enforces uniqueness only among the rows that match.
   */
  String where() default "";

  /** Holds repeated {@link Index} annotations; the compiler writes it, users need not. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** {@return the repeated indexes, in declaration order} */
    Index[] value();
  }
}
