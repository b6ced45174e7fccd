package dev.kiln.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Accepts a full table scan that the build-time plan check would otherwise report.
 *
 * <p>With {@code -Akiln.planCheck=warn} or {@code error} the processor asks SQLite for the plan
 * of every query it generates or verifies, and reports each one that reads a whole table
 * instead of using an index. Usually the fix is an {@link Index}; a scan is fine, though, for a
 * small table or a rare job, and this annotation says so where the query is declared. On a
 * {@link Dao} method it covers that method's query; on a {@link Table} entity it covers every
 * query over that entity's table.
 *
 * <pre>{@code
 * @Table
 * @AllowScan("about 250 rows, read once at startup")
 * public record Country(@Id String code, String name) {}
 *
 * @AllowScan("nightly report")
 * @Sql("SELECT * FROM book WHERE title LIKE '%' || :word || '%'")
 * List<Book> booksMentioning(String word);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowScan {

  /** {@return why the scan is acceptable} It is for reviewers; Kiln does not read it. */
  String value() default "";
}
