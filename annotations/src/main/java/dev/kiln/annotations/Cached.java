package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the results of a {@link Dao} query method in the database's query cache, by the method's
 * arguments, when the database has one ({@code DatabaseBuilder.queryCache(…)}).
 *
 * <p>At build time the processor asks SQLite which tables the statement reads — joins,
 * subqueries and views included — and the generated code drops the method's cached results as
 * soon as a write through Kiln to any of those tables commits. Writes that Kiln does not see
 * (another process) are seen once an entry's time to live ends, or after
 * {@code db.invalidate(…)}. Inside a transaction the cache is not used: a transaction reads its
 * own writes.
 *
 * <pre>{@code
 * @Dao
 * interface Shop {
 *   @Cached List<Book> findByAuthorId(long authorId);
 *
 *   @Cached
 *   @Sql("SELECT a.name, count(*) AS books FROM author a JOIN book b ON b.author_id = a.id"
 *       + " GROUP BY a.name ORDER BY books DESC LIMIT :n")
 *   List<AuthorBooks> mostBooks(int n);
 * }
 * }</pre>
 *
 * <p>A cached method reads; it returns a {@code List}, an {@code Optional} or one value (not a
 * {@code Stream}, which is read once), and its rows are immutable — records, scalars, or entities,
 * which Kiln copies for each caller when they are classes — so that no caller can change what
 * the next one receives.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cached {}
