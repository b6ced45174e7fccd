package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a set of query methods that Kiln implements at compile time, for the
 * queries a generated repository does not already offer.
 *
 * <p>For {@code com.acme.ShopQueries} the processor writes {@code com.acme.ShopQueries_Impl},
 * with a constructor {@code (Database db)}. Each abstract method is either
 *
 * <ul>
 *   <li>a derived finder, whose name is the query: {@code findByEmail},
 *       {@code findByNameStartingWithOrderByCreatedAtDesc}, {@code countBy…},
 *       {@code existsBy…}, {@code deleteBy…}, with one parameter per condition, or
 *   <li>an {@link Sql} method with hand-written SQL.
 * </ul>
 *
 * <p>Methods may return an entity, {@code Optional}, {@code List}, {@code Stream} (which must be
 * closed), a record projection (columns matched by name), a scalar, or {@code long}/{@code int}
 * for the number of rows an update or delete changed. A method whose name, parameters or SQL do
 * not fit the schema is a compile error on that method, so mistakes never reach run time.
 *
 * <pre>{@code
 * @Dao
 * public interface ShopQueries {
 *   Optional<Author> findByEmail(String email);
 *
 *   @Sql("SELECT a.name AS name, COUNT(b.id) AS books FROM author a"
 *       + " JOIN book b ON b.author_id = a.id GROUP BY a.id ORDER BY books DESC LIMIT :n")
 *   List<AuthorBooks> mostBooks(int n);
 *
 *   record AuthorBooks(String name, long books) {}
 * }
 *
 * ShopQueries shop = new ShopQueries_Impl(db);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Dao {

  /**
   * {@return the entity that derived {@code countBy…}, {@code existsBy…} and {@code deleteBy…}
   * methods work on} Needed only when those methods' return types do not name an entity and the
   * interface's other derived finders do not name exactly one.
   */
  Class<?> value() default void.class;
}
