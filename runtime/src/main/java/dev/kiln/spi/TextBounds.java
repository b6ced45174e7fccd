package dev.kiln.spi;

import dev.kiln.migrations.schema.TextFunctions;

/**
 * The bounds of the index range a {@code startsWith} seeks, for generated code that binds them:
 * the end of a prefix's range is the least text after every text with the prefix.
 */
public final class TextBounds {

  private TextBounds() {}

  /**
   * The least text after every text that starts with {@code prefix}, or null where there is none
   * (an empty prefix, or one of U+10FFFF characters only): the range then has no end.
   */
  public static String prefixEnd(String prefix) {
    return prefix == null ? null : TextFunctions.prefixEnd(prefix);
  }
}
