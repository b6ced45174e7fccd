package dev.kiln.bench.model;

import java.math.BigDecimal;

/**
 * One row of the report benchmark: an author's number of books and their exact total price.
 *
 * @param authorId the author
 * @param books how many books
 * @param total the sum of their prices, exactly
 */
public record AuthorTotals(long authorId, long books, BigDecimal total) {}
