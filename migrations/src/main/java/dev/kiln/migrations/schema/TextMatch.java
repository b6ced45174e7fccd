package dev.kiln.migrations.schema;

/**
 * How Kiln's generated queries match text, so that a search means what it means in Java:
 * {@code contains}, {@code startsWith} and {@code endsWith} are {@link String}'s, exact and
 * case-sensitive, and {@code like} takes a case-sensitive {@code LIKE} pattern ({@code %},
 * {@code _}, {@code \} to escape). Each engine's {@code SqlDialect} writes the SQL; the processor
 * (derived finders) and the runtime (typed queries) both take it from there.
 */
public enum TextMatch {
  /** {@code text.contains(part)}. */
  CONTAINS,
  /** {@code text.startsWith(prefix)}. */
  STARTS_WITH,
  /** {@code text.endsWith(suffix)}. */
  ENDS_WITH,
  /** A {@code LIKE} pattern, case-sensitive. */
  LIKE,
  /** The negation of {@link #LIKE}. */
  NOT_LIKE
}
