package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@link Dao} method hand-written SQL, for queries a derived finder cannot express
 * (joins, aggregates, updates of many rows).
 *
 * <p>{@code :name} placeholders are bound to the method parameters of the same name, always as
 * JDBC parameters: a value is never concatenated into the SQL. The SQL is written against
 * table and column names, not Java names, and is verified at compile time against the schema
 * that the migrations produce: an unknown table or column, an unbound placeholder, or result
 * columns that do not fit the return type is a compile error on the method. Result columns fill
 * an entity or record projection by name, so alias them ({@code AS books}) where needed.
 *
 * <pre>{@code
 * @Sql("SELECT * FROM book WHERE author_id = :authorId AND price < :max ORDER BY price")
 * List<Book> cheapBooksBy(long authorId, BigDecimal max);
 *
 * @Sql("UPDATE book SET price = price * :factor WHERE author_id = :authorId")
 * int reprice(long authorId, BigDecimal factor);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sql {

  /** {@return the SQL statement, with {@code :name} placeholders for the method's parameters} */
  String value();

  /**
   * {@return the statement PostgreSQL runs instead of {@link #value()}, where the two engines need
   * different SQL (SQLite's functions, PostgreSQL's casts); empty when {@code value} serves both}
   * It takes the same placeholders. It cannot be verified at build time, which has no PostgreSQL
   * server; {@code Database.migrate()} prepares it on the live database and refuses to start,
   * naming the method, when PostgreSQL rejects it.
   */
  String postgresql() default "";
}
