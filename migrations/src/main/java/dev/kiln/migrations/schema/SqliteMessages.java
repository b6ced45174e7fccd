package dev.kiln.migrations.schema;

import java.sql.SQLException;

/** What SQLite said, as users should read it. */
public final class SqliteMessages {

  private SqliteMessages() {}

  /** SQLite's own words, without sqlite-jdbc's "[CODE] explanation (…)" wrapping. */
  public static String of(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int open = message.indexOf('(');
    if (message.startsWith("[") && open >= 0 && message.endsWith(")")) {
      return message.substring(open + 1, message.length() - 1);
    }
    return message;
  }
}
