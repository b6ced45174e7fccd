package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a property a foreign key: its column gets {@code REFERENCES target(pk)}, where
 * {@code target} is the table of the {@link #value() target entity} and {@code pk} its
 * single-property primary key, whose type this property shares. A nullable foreign key is an
 * optional reference.
 *
 * <p>{@code @ForeignKey} describes the column only. To load the referenced entity, add a
 * {@link Relation} that names this property ({@code foreignKey} on this entity, or
 * {@code mappedBy} on the target); a junction entity for {@code through} needs one
 * {@code @ForeignKey} to each side. The plan check usually wants an {@link Index} on the
 * property too, since SQLite does not index foreign keys by itself.
 *
 * <pre>{@code
 * @Table
 * @Index(columns = "authorId")
 * public record Book(
 *     @Id(autoGenerate = true) long id,
 *     @ForeignKey(value = Author.class, onDelete = ForeignKey.Action.CASCADE) long authorId,
 *     String title) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface ForeignKey {

  /** {@return the referenced entity} It must be annotated {@link Table}. */
  Class<?> value();

  /** {@return what SQLite does to this row when the referenced row is deleted} */
  Action onDelete() default Action.NO_ACTION;

  /** {@return what SQLite does to this row when the referenced row's key changes} */
  Action onUpdate() default Action.NO_ACTION;

  /**
   * A referential action, as SQLite defines it. SQLite enforces them only with
   * {@code PRAGMA foreign_keys=ON}, which Kiln's {@code Database} sets on every connection.
   */
  enum Action {
    /** Refuse the change if rows still refer to the row, checked at the end of the statement. */
    NO_ACTION("NO ACTION"),
    /** Refuse the change if rows still refer to the row, checked at once. */
    RESTRICT("RESTRICT"),
    /** Set the referring column to {@code NULL}; the property must be nullable. */
    SET_NULL("SET NULL"),
    /** Set the referring column to its {@link Column#defaultValue() default}. */
    SET_DEFAULT("SET DEFAULT"),
    /** Delete the referring rows, or update their key along with the referenced one. */
    CASCADE("CASCADE");

    private final String sql;

    Action(String sql) {
      this.sql = sql;
    }

    /** {@return the action as written in SQL, for example {@code "SET NULL"}} */
    public String sql() {
      return sql;
    }
  }
}
