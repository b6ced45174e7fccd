package dev.kiln.migrations.schema;

/**
 * The column types Kiln declares: the four storage classes that a SQLite {@code STRICT} table
 * accepts besides {@code ANY}.
 */
public enum SqlType {
  INTEGER,
  REAL,
  TEXT,
  BLOB,
  /** A column declared with a type Kiln does not write (for example by another tool). */
  OTHER;

  /**
   * Maps a declared type to its SQLite affinity, following the rules of SQLite's "Determination of
   * column affinity", so that {@code VARCHAR(20)} reads as {@code TEXT} and {@code NUMERIC(10,2)}
   * as {@code OTHER}.
   */
  public static SqlType ofDeclared(String declared) {
    String t = declared == null ? "" : declared.toUpperCase(java.util.Locale.ROOT);
    if (t.contains("INT")) {
      return INTEGER;
    }
    if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
      return TEXT;
    }
    if (t.isEmpty() || t.contains("BLOB")) {
      return BLOB;
    }
    if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
      return REAL;
    }
    return OTHER;
  }
}
