package dev.kiln.processor.model;

import java.util.Locale;

/** Kiln's naming rules, in one place so that every writer agrees on them. */
public final class Names {

  private Names() {}

  /**
   * {@code InvoiceLine} → {@code invoice_line}, {@code createdAt} → {@code created_at},
   * {@code URLValue} → {@code url_value}, {@code address2} → {@code address2}.
   */
  public static String snake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char previous = name.charAt(i - 1);
        boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(previous) || Character.isDigit(previous)
            || (Character.isUpperCase(previous) && nextIsLower)) {
          out.append('_');
        }
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /** {@code createdAt} → {@code CREATED_AT}. */
  public static String upperSnake(String name) {
    return snake(name).toUpperCase(Locale.ROOT);
  }

  /** {@code name} → {@code Name}. */
  public static String capitalize(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
