package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property that holds related entities, loaded on request. Set exactly one of
 * {@link #foreignKey()}, {@link #mappedBy()} and {@link #through()}; all three name
 * {@link ForeignKey} properties, which is how Kiln knows the join.
 *
 * <p>A relation property is not a column, and Kiln never writes through it: insert and update
 * store the entity's own columns only. A relation is loaded only when a query asks for it with
 * {@code fetch}; one that was not fetched is {@code null}, and a fetched to-many relation with
 * no rows is an empty list. A fetch runs at most one statement for the root plus one per to-many
 * path, however many rows come back (to-one paths are joined into their parent's statement).
 *
 * <pre>{@code
 * @Table
 * public record Book(
 *     @Id(autoGenerate = true) long id,
 *     @ForeignKey(Author.class) long authorId,
 *     String title,
 *     @Relation(foreignKey = "authorId") Author author,       // many-to-one
 *     @Relation(mappedBy = "bookId") List<Review> reviews,     // one-to-many
 *     @Relation(through = BookTag.class) List<Tag> tags) {}    // many-to-many
 *
 * @Table
 * public record BookTag(
 *     @Id @ForeignKey(Book.class) long bookId, @Id @ForeignKey(Tag.class) long tagId) {}
 *
 * List<Author> authors = authorRepository.fetch(Author_.BOOKS).findAll();
 * List<Book> books = bookRepository.fetch(Book_.AUTHOR, Book_.REVIEWS).findAll();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Relation {

  /**
   * {@return for many-to-one or owning one-to-one, the foreign-key property on <em>this</em>
   * entity} It refers to the annotated property's entity type, for example {@code "authorId"} on
   * {@code Book.author}.
   */
  String foreignKey() default "";

  /**
   * {@return for one-to-many ({@code List<T>}) or inverse one-to-one ({@code T}), the
   * foreign-key property on the <em>target</em> entity} It refers back to this one, for example
   * {@code "authorId"} on {@code Author.books}.
   */
  String mappedBy() default "";

  /**
   * {@return for many-to-many ({@code List<T>}), the junction entity} It has a
   * {@link ForeignKey} to this entity and one to the target. {@code void.class} (the default)
   * means not set.
   */
  Class<?> through() default void.class;
}
