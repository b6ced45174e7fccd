package dev.kiln.processor.dao;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code :name} placeholders of an {@code @Sql} statement, found outside string literals,
 * quoted identifiers and comments, and replaced by JDBC's {@code ?} (or, for a collection
 * parameter, by the marker the runtime expands into {@code ?, ?, …}:
 * {@code /*list bigint*}{@code /?}, which names the PostgreSQL type of the elements for an empty
 * collection's typed empty set).
 *
 * @param sql the statement as JDBC runs it
 * @param names the placeholder names, in order of appearance
 */
record Placeholders(String sql, List<String> names) {

  /** Must equal the runtime's {@code LIST_MARKER}, which expands it (a test checks). */
  static final String LIST_MARKER = "/*list*/?";

  static Placeholders parse(String text, Map<String, String> collections) {
    return parse(text, collections, true);
  }

  /**
   * Parses {@code text}; {@code brackets} says whether {@code [x]} quotes an identifier, as it
   * does on SQLite (on PostgreSQL it is an array subscript or {@code ARRAY[…]}).
   */
  static Placeholders parse(String text, Map<String, String> collections, boolean brackets) {
    StringBuilder sql = new StringBuilder(text.length());
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`' || (brackets && c == '[')) {
        int end = closing(text, i, c == '[' ? ']' : c);
        sql.append(text, i, end);
        i = end;
      } else if (c == '-' && text.startsWith("--", i)) {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        sql.append(text, i, end);
        i = end;
      } else if (c == '/' && text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        sql.append(text, i, end);
        i = end;
      } else if (c == ':' && i + 1 < text.length()
          && Character.isJavaIdentifierStart(text.charAt(i + 1))
          && (i == 0 || text.charAt(i - 1) != ':')) {
        int end = i + 1;
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        String name = text.substring(i + 1, end);
        names.add(name);
        String type = collections.get(name);
        sql.append(type == null ? "?" : "/*list " + type + "*/?");
        i = end;
      } else {
        sql.append(c);
        i++;
      }
    }
    return new Placeholders(sql.toString(), names);
  }

  /** The index after the quote that closes the one at {@code start} ({@code ''} escapes it). */
  private static int closing(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote && quote != ']') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }
}
