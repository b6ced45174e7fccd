package dev.kiln.internal.sqlite;

import dev.kiln.internal.StoredText;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.jdbc3.JDBC3ResultSet;

/**
 * Reads text columns as Java strings: on Kiln's SQLite connections as the column's UTF-8 bytes,
 * decoded; on any other connection with {@code getString}.
 *
 * <p>Implementation notes: sqlite-jdbc's {@code getString} hands the text to Java as a direct
 * {@code ByteBuffer} over SQLite's memory, which it then copies into an array and decodes. The
 * buffer is a Java object made from native code through a constructor call, and on short
 * strings the copy goes byte by byte: together more than what the value itself costs. Its
 * {@code getBytes} returns the same bytes (SQLite gives a text value's bytes as they are stored,
 * and a number's as the text {@code getString} would give) in an array made natively, with no
 * call back into Java; decoding them here made a three-level load of text rows a fifth faster
 * and allocate a quarter less.
 *
 * <p>That holds for databases that store text as UTF-8, SQLite's default and what Kiln creates.
 * A database file created as UTF-16 returns UTF-16 bytes, so each connection asks the database
 * its encoding when it opens ({@link KilnConnection#readEncoding}), and reads a UTF-16 database
 * with {@code getString}, which converts. Either way the string is the one {@code getString}
 * would return, SQL {@code NULL} being null.
 */
public final class SqliteText {

  private SqliteText() {}

  /** Column {@code index} of the current row of {@code rs} as a string. */
  public static String get(ResultSet rs, int index) throws SQLException {
    if (rs instanceof JDBC3ResultSet
        && rs.getStatement().getConnection() instanceof KilnConnection connection
        && connection.storesUtf8()) {
      byte[] bytes = rs.getBytes(index);
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
    return rs.getString(index);
  }

  /**
   * Column {@code index}'s text, read as {@link #get} reads it, parsed; see
   * {@link StoredText#parse}.
   */
  public static <T> T parse(ResultSet rs, int index, String type, StoredText.Parser<T> parser)
      throws SQLException {
    return StoredText.parse(rs, index, get(rs, index), type, parser);
  }
}
