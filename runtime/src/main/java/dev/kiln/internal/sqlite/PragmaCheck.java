package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the PRAGMAs back from the writer after opening, and fails when one that Kiln relies on did
 * not take: a silently ignored {@code foreign_keys} or {@code journal_mode} would change what the
 * application can trust without anyone noticing.
 */
public final class PragmaCheck {

  /** SQLite answers these with numbers; the names users write map to them. */
  private static final Map<String, Map<String, String>> ENUMS = Map.of(
      "synchronous", Map.of("OFF", "0", "NORMAL", "1", "FULL", "2", "EXTRA", "3"),
      "temp_store", Map.of("DEFAULT", "0", "FILE", "1", "MEMORY", "2"),
      "foreign_keys", Map.of("ON", "1", "TRUE", "1", "YES", "1", "OFF", "0", "FALSE", "0",
          "NO", "0"));

  private PragmaCheck() {}

  /** Reads back every configured PRAGMA and checks those whose value SQLite reports exactly. */
  public static Map<String, String> verify(
      ConnectionSource source, Map<String, String> expected, boolean inMemory) {
    Map<String, String> actual = new LinkedHashMap<>();
    source.lockWriter();
    try (Statement st = source.writerConnection().createStatement()) {
      for (String name : expected.keySet()) {
        try (ResultSet rs = st.executeQuery("PRAGMA " + name)) {
          actual.put(name, rs.next() ? rs.getString(1) : "");
        }
      }
    } catch (SQLException e) {
      throw new KilnException("cannot read the PRAGMAs back: " + e.getMessage(), e);
    } finally {
      source.unlockWriter();
    }
    for (Map.Entry<String, String> entry : expected.entrySet()) {
      String name = entry.getKey();
      if (name.equals("mmap_size") || (inMemory && name.equals("journal_mode"))) {
        continue; // capped by the SQLite build / not applicable to an in-memory database
      }
      String want = normalise(name, entry.getValue());
      String got = actual.get(name);
      if (got != null && !got.isEmpty() && !want.equalsIgnoreCase(got)) {
        throw new KilnException("PRAGMA " + name + " should be " + entry.getValue()
            + " but SQLite reports " + got + "; check the value passed to pragma(\"" + name
            + "\", …) and that the database file is writable");
      }
    }
    return Map.copyOf(actual);
  }

  private static String normalise(String name, String value) {
    Map<String, String> names = ENUMS.get(name);
    String upper = value.toUpperCase(Locale.ROOT);
    return names != null && names.containsKey(upper) ? names.get(upper) : value;
  }
}
