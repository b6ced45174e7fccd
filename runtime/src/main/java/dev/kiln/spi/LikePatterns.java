package dev.kiln.spi;

/**
 * {@code LIKE} patterns that match user input literally: {@code %}, {@code _} and the escape
 * character in the input match themselves. Used with {@code ESCAPE '\'}.
 */
public final class LikePatterns {

  private LikePatterns() {}

  /** {@code literal} with {@code \}, {@code %} and {@code _} escaped. */
  public static String escape(String literal) {
    return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  public static String startsWith(String prefix) {
    return escape(prefix) + "%";
  }

  public static String endsWith(String suffix) {
    return "%" + escape(suffix);
  }

  public static String contains(String part) {
    return "%" + escape(part) + "%";
  }
}
