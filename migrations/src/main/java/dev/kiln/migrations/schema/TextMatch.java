package dev.kiln.migrations.schema;

/**
 * How Kiln's generated queries match text, so that a search means what it means in Java:
 * {@code contains}, {@code startsWith} and {@code endsWith} are {@link String}'s, exact and
 * case-sensitive, and a text holding a NUL character is searched whole. The processor (derived
 * finders) and the runtime (typed queries) both take the SQL from here.
 *
 * <p>Implementation notes: SQLite's {@code LIKE} ignores the case of ASCII letters and, like
 * {@code GLOB}, stops at a NUL; {@code instr} compares the whole text exactly, and an ending is
 * compared as bytes (UTF-8, so byte equality is text equality). A {@code LIKE} pattern — the one
 * search that takes wildcards — runs as a {@code GLOB}, which is case-sensitive as
 * PostgreSQL's {@code LIKE} is. With {@code IgnoreCase}, both sides go through {@code lower()},
 * which on SQLite folds ASCII letters only.
 */
public enum TextMatch {
  /** {@code text.contains(part)}. */
  CONTAINS("instr(%1$s, %2$s) > 0"),
  /** {@code text.startsWith(prefix)}: the first occurrence is at the start. */
  STARTS_WITH("instr(%1$s, %2$s) = 1"),
  /**
   * {@code text.endsWith(suffix)}: the bytes after the first {@code length(text) -
   * length(suffix)} equal the suffix's (when the suffix is longer they are shorter than it); every
   * text ends with the empty suffix.
   */
  ENDS_WITH("(%2$s = '' OR substr(CAST(%1$s AS BLOB), length(CAST(%1$s AS BLOB))"
      + " - length(CAST(%2$s AS BLOB)) + 1) = CAST(%2$s AS BLOB))"),
  /** A {@code LIKE} pattern ({@code %}, {@code _}, {@code \} to escape), bound as a glob. */
  LIKE("%1$s GLOB %2$s"),
  /** The negation of {@link #LIKE}. */
  NOT_LIKE("%1$s NOT GLOB %2$s");

  private final String template;

  TextMatch(String template) {
    this.template = template;
  }

  /**
   * The condition on {@code column} (quoted), with {@code ?} for the argument wherever it is
   * used: bind the same {@link #argument} to each.
   */
  public String sql(String column, boolean ignoreCase) {
    return ignoreCase ? String.format(template, "lower(" + column + ")", "lower(?)")
        : String.format(template, column, "?");
  }

  /** How many times {@link #sql} uses the argument. */
  public int uses() {
    return (int) sql("c", false).chars().filter(c -> c == '?').count();
  }

  /** The value to bind for {@code value}: a {@code LIKE} pattern becomes a glob. */
  public String argument(String value) {
    return this == LIKE || this == NOT_LIKE ? glob(value) : value;
  }

  /**
   * The glob that matches what the {@code LIKE} pattern {@code pattern} matches, case-sensitively:
   * {@code %} becomes {@code *}, {@code _} becomes {@code ?}, a {@code \} makes the next character
   * literal, and the glob's own wildcards in the pattern match themselves.
   */
  public static String glob(String pattern) {
    StringBuilder glob = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal(glob, pattern.charAt(++i));
      } else if (c == '%') {
        glob.append('*');
      } else if (c == '_') {
        glob.append('?');
      } else {
        literal(glob, c);
      }
    }
    return glob.toString();
  }

  private static void literal(StringBuilder glob, char c) {
    if (c == '*' || c == '?' || c == '[') {
      glob.append('[').append(c).append(']');
    } else {
      glob.append(c);
    }
  }
}
