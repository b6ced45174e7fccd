package dev.kiln.migrations.dialect;

import dev.kiln.migrations.schema.Ordering;
import dev.kiln.migrations.schema.TextMatch;

/**
 * The SQL in which one engine says what Kiln's generated queries mean. The processor (derived
 * finders) and the runtime (typed queries, fetch plans) write their conditions and orderings
 * through it, so that a condition means the same on every engine: numbers and decimals compare
 * as numbers, text as Java's {@code String} compares it (by code point, case-sensitively), and
 * SQL {@code NULL} sorts first in ascending order, as it does on SQLite.
 *
 * <p>Every {@code ?} in a returned expression takes the same argument; {@link #uses} counts them.
 */
public interface SqlDialect {

  /** SQLite. */
  SqlDialect SQLITE = new dev.kiln.migrations.dialect.sqlite.SqliteDialect();

  /** PostgreSQL 14 and later. */
  SqlDialect POSTGRESQL = new dev.kiln.migrations.dialect.postgresql.PostgresDialect();

  /** {@code sqlite} or {@code postgresql}: how the engine is named in options and folders. */
  String id();

  /** Quotes an identifier: {@code a"b} becomes {@code "a""b"} (the same on both engines). */
  default String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The expression over {@code expression} (a column or {@code ?}) to compare and match by. */
  String wrap(Ordering ordering, String expression);

  /** {@code column <operator> ?}, where {@code operator} is one of {@code = <> < <= > >=}. */
  String compare(Ordering ordering, String column, String operator);

  /** {@code column BETWEEN ? AND ?}: the first half of the {@code ?} take the low bound. */
  String between(Ordering ordering, String column);

  /**
   * The {@code ORDER BY} term(s) for {@code column}, with nulls first when ascending;
   * {@code nullable} is whether it may hold NULL at all (where it cannot, an engine may leave out
   * what it would say about nulls, so that an index in its own order serves the sort).
   */
  String orderBy(Ordering ordering, String column, boolean descending, boolean nullable);

  /** The text condition on {@code column}, with {@code ?} for the argument. */
  String textMatch(TextMatch match, String column, boolean ignoreCase);

  /** The value to bind for a text condition's argument. */
  String textArgument(TextMatch match, String value);

  /** {@code expression} with its ASCII letters folded to lower case (and nothing else). */
  String foldCase(String expression);

  /**
   * The condition that {@code expression} is one of the values bound, all together, to a single
   * parameter (see the runtime's key binding), or none of them when {@code negated}.
   */
  String inBoundList(String expression, boolean negated);

  /**
   * Whether placeholder {@code use} (from 0) of {@link #textMatch}{@code (match, …, false)} takes
   * the end of the prefix's index range — the least text after every text with the prefix,
   * {@code TextFunctions.prefixEnd}, or null where there is none — rather than the value.
   */
  default boolean takesPrefixEnd(TextMatch match, int use) {
    return false;
  }

  /**
   * {@code column} with the one parameter added ({@code operator} {@code +}) or multiplied
   * ({@code *}), exactly for decimals: what {@code UPDATE … SET column = <this>} writes.
   */
  String arithmetic(Ordering ordering, String column, char operator);

  /**
   * The aggregate {@code function} ({@code count}, {@code count_distinct}, {@code sum},
   * {@code avg}, {@code min} or {@code max}) of {@code argument}, whose values order as
   * {@code ordering} says: exact for decimal text, which SQLite's own functions would add and
   * compare as doubles or as text.
   */
  String aggregate(String function, Ordering ordering, String argument);

  /**
   * Whether a typed query's exact sums and averages of decimals are better added up by Kiln over
   * the rows it reads than by the database: where the exact function is Java the engine calls
   * back for every row (SQLite), that round trip costs more than reading the row.
   */
  default boolean sumsDecimalsInJava() {
    return false;
  }

  /**
   * The condition a row is live on, when {@code column} marks deleted rows
   * ({@code @SoftDelete}): null when it holds the time of deletion ({@code byTime}), else not
   * true. The same on both engines.
   */
  static String liveRow(String column, boolean byTime) {
    return column + (byTime ? " IS NULL" : " IS NOT TRUE");
  }

  /** How many {@code ?} {@code expression} holds. */
  static int uses(String expression) {
    return (int) expression.chars().filter(c -> c == '?').count();
  }

  /** The dialect named {@code id}. */
  static SqlDialect of(String id) {
    return switch (id) {
      case "sqlite" -> SQLITE;
      case "postgresql" -> POSTGRESQL;
      default -> throw new IllegalArgumentException(
          "unknown engine '" + id + "': Kiln knows sqlite and postgresql");
    };
  }
}
