package dev.kiln.migrations.schema;

import java.math.BigDecimal;

/**
 * Reads decimal text as {@link BigDecimal#BigDecimal(String)} does (after trimming), taking a
 * short way for the form Kiln writes: an optional minus, digits, and an optional point followed
 * by digits, eighteen digits at most. That form's value and scale come straight from its digits,
 * with no character array and no general parser, which matters where every row holds a decimal.
 * Anything else (an exponent, a plus, spaces, more digits) goes to {@code BigDecimal}'s parser,
 * so both ways give the same value with the same scale.
 */
public final class DecimalText {

  /** Digits a {@code long} always holds. */
  private static final int MOST_DIGITS = 18;

  private DecimalText() {}

  /**
   * The decimal {@code text} holds.
   *
   * @throws NumberFormatException if it is not a number, as {@code new BigDecimal(text)} throws
   */
  public static BigDecimal parse(String text) {
    int length = text.length();
    int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    long unscaled = 0;
    int digits = 0;
    int point = -1;
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
      } else if (c == '.' && point < 0 && i > start && i < length - 1) {
        point = i;
      } else {
        return new BigDecimal(text.trim());
      }
    }
    if (digits == 0 || digits > MOST_DIGITS) {
      return new BigDecimal(text.trim());
    }
    int scale = point < 0 ? 0 : length - 1 - point;
    return BigDecimal.valueOf(start == 1 ? -unscaled : unscaled, scale);
  }
}
