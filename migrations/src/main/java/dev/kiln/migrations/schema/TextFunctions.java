package dev.kiln.migrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Function;

/**
 * The SQL function with which Kiln's {@code startsWith} seeks an index, registered on every
 * connection Kiln opens (and on the processor's shadow database, whose plans the build checks).
 * Like {@link DecimalFunctions}, it appears only in queries, never in the schema.
 *
 * <ul>
 *   <li>{@code kiln_prefix_end(p)}: the least text greater than every text that starts with
 *       {@code p} ({@link #prefixEnd}), so that {@code x >= p AND x < kiln_prefix_end(p)} is an
 *       index range holding exactly those texts; where no text is (an empty prefix, or one of
 *       U+10FFFF characters only), a BLOB, which SQLite orders after every text.</li>
 * </ul>
 */
public final class TextFunctions {

  private TextFunctions() {}

  /** Registers the function on {@code connection}, a sqlite-jdbc one. */
  public static void register(Connection connection) throws SQLException {
    Function.create(connection, "kiln_prefix_end", new PrefixEnd(), 1,
        Function.FLAG_DETERMINISTIC);
  }

  /**
   * The least text greater than every text that starts with {@code prefix}, in code-point order
   * (which is UTF-8 byte order, SQLite's {@code BINARY} and PostgreSQL's {@code "C"}): the
   * prefix up to its last code point below U+10FFFF, that code point incremented (past the
   * surrogates). Null when there is none: {@code prefix} is empty or all U+10FFFF.
   */
  public static String prefixEnd(String prefix) {
    int end = prefix.length();
    while (end > 0) {
      int last = prefix.codePointBefore(end);
      int start = end - Character.charCount(last);
      if (last < Character.MAX_CODE_POINT) {
        int next = last == 0xD7FF ? 0xE000 : last + 1;
        return prefix.substring(0, start) + new String(Character.toChars(next));
      }
      end = start;
    }
    return null;
  }

  private static final class PrefixEnd extends Function {
    @Override
    protected void xFunc() throws SQLException {
      String prefix = value_text(0);
      String end = prefix == null ? null : prefixEnd(prefix);
      if (end != null) {
        result(end);
      } else if (prefix != null) {
        result(new byte[] {(byte) 0xFF});
      } else {
        result();
      }
    }
  }
}
