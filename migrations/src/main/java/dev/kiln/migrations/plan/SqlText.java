package dev.kiln.migrations.plan;

/** Reading SQL text as SQLite would, without parsing it: what is a literal, what is SQL. */
public final class SqlText {

  private SqlText() {}

  /**
   * {@code sql} with the text of its string literals and comments blanked out, so that the
   * checks see only SQL: {@code 'a WHERE b'} or {@code -- WHERE} is not a filter. Quoted
   * identifiers stay, and every character keeps its position.
   */
  public static String withoutLiteralsAndComments(String sql) {
    char[] masked = sql.toCharArray();
    int i = 0;
    while (i < masked.length) {
      char c = masked[i];
      int end;
      if (c == '\'') {
        end = closingQuote(sql, i);
        blank(masked, i + 1, end); // keep the quotes: the literal is still a value
        i = end + 1;
      } else if (c == '-' && i + 1 < masked.length && masked[i + 1] == '-') {
        end = sql.indexOf('\n', i);
        end = end < 0 ? masked.length : end;
        blank(masked, i, end);
        i = end;
      } else if (c == '/' && i + 1 < masked.length && masked[i + 1] == '*') {
        end = sql.indexOf("*/", i + 2);
        end = end < 0 ? masked.length : end + 2;
        blank(masked, i, end);
        i = end;
      } else if (c == '"') {
        end = sql.indexOf('"', i + 1);
        i = end < 0 ? masked.length : end + 1; // a quoted identifier is SQL: skip it whole
      } else {
        i++;
      }
    }
    return new String(masked);
  }

  /** Where the string literal opened at {@code open} ends; {@code ''} inside it is a quote. */
  private static int closingQuote(String sql, int open) {
    int at = open + 1;
    while (at < sql.length()) {
      if (sql.charAt(at) == '\'') {
        if (at + 1 < sql.length() && sql.charAt(at + 1) == '\'') {
          at += 2;
          continue;
        }
        return at;
      }
      at++;
    }
    return sql.length();
  }

  private static void blank(char[] text, int from, int to) {
    for (int i = from; i < Math.min(to, text.length); i++) {
      text[i] = ' ';
    }
  }

  /**
   * Where a second statement starts in {@code sql}, or -1 if it holds at most one: the first
   * non-blank text after a {@code ;} outside literals and comments.
   */
  public static int secondStatement(String sql) {
    String masked = withoutLiteralsAndComments(sql);
    int semicolon = masked.indexOf(';');
    if (semicolon < 0) {
      return -1;
    }
    for (int i = semicolon + 1; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (c != ';' && !Character.isWhitespace(c)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code sql} holds nothing but blanks and comments. */
  public static boolean isEmpty(String sql) {
    return withoutLiteralsAndComments(sql).replace(";", "").isBlank();
  }
}
