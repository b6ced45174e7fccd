package dev.kiln.migrations.script;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned migration: a file named {@code V<version>__<description>.sql} and its SQL.
 *
 * <p>The version orders migrations and must run 1, 2, 3… without gaps; the description is the part
 * of the name after the double underscore, with underscores read as spaces. The checksum is the
 * SHA-256 of the content with line endings normalised, so a file checked out on Windows and on
 * Linux has the same checksum, but any other edit changes it.
 *
 * @param version the version, at least 1
 * @param description the description from the file name, such as {@code add column author bio}
 * @param script the file name, such as {@code V2__add_column_author_bio.sql}
 * @param sql the content of the file
 * @param checksum the hexadecimal SHA-256 of the normalised content
 * @param location where the file was found (a path or URL), for messages
 */
public record Migration(
    int version, String description, String script, String sql, String checksum,
    String location) {

  private static final Pattern NAME = Pattern.compile("V([0-9]{1,9})__(\\w[\\w.-]*)\\.sql");

  /**
   * The migration in the file {@code fileName} with content {@code sql}.
   *
   * @throws IllegalArgumentException when the name is not {@code V<version>__<description>.sql};
   *     the message says how to rename it
   */
  public static Migration of(String fileName, String sql, String location) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
      throw new IllegalArgumentException(fileName + " (" + location + ") is not a migration name:"
          + " name migrations V<version>__<description>.sql with a version from 1 and a"
          + " description of letters, digits and underscores, for example V2__add_author_bio.sql");
    }
    return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName,
        sql, Checksum.of(sql), location);
  }

  /** Whether {@code fileName} is meant to be a migration: a {@code .sql} file. */
  public static boolean isScript(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".sql");
  }

  /** The version a well-formed migration file name carries. */
  public static Optional<Integer> versionOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The file name without {@code .sql}: {@code V2__add_column_author_bio}. */
  public String name() {
    return script.substring(0, script.length() - ".sql".length());
  }
}
