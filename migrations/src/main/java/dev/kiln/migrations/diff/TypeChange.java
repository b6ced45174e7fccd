package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.SqlType;

/** Which changes of a column's type keep every value. */
final class TypeChange {

  private TypeChange() {}

  /**
   * Whether every value of a {@code from} column fits a {@code to} column unchanged: any number or
   * text becomes text, and an integer becomes a real. Anything else (text to integer, real to
   * integer, to or from a blob) can lose values, which then needs the user's consent.
   */
  static boolean keepsValues(SqlType from, SqlType to) {
    return from == to
        || (to == SqlType.TEXT && from != SqlType.BLOB)
        || (from == SqlType.INTEGER && to == SqlType.REAL);
  }
}
