/**
 * Typed queries over the generated metamodel: {@link dev.kiln.query.Column columns} build
 * {@link dev.kiln.query.Condition conditions} and {@link dev.kiln.query.Order orderings}, which a
 * repository's {@code query()} runs:
 *
 * <pre>{@code
 * List<Author> found = authors.query()
 *     .where(Author_.NAME.startsWith("A").and(Author_.CREATED_AT.gt(since)))
 *     .orderBy(Author_.NAME.asc())
 *     .limit(20)
 *     .list();
 * }</pre>
 *
 * <p>Nothing here accepts or returns null unless it says {@code @Nullable}: to match a missing
 * value, use {@code isNull()}.
 */
@NullMarked
package dev.kiln.query;

import org.jspecify.annotations.NullMarked;
