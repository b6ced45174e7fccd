package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An online, consistent copy with {@code VACUUM INTO}: it reads the database in one read
 * transaction, so the copy is one snapshot, and under WAL writers go on meanwhile. It runs on a
 * reader, which is {@code query_only}; {@code VACUUM INTO} counts as a write to SQLite even
 * though it changes only the target file, so that reader is let write for the one statement.
 */
public final class Backup {

  private Backup() {}

  public static void to(ConnectionSource source, Path target) {
    String file = target.toAbsolutePath().toString();
    try {
      if (!source.hasReaders()) {
        source.lockWriter();
        try {
          vacuumInto(source.writerConnection(), file);
        } finally {
          source.unlockWriter();
        }
        return;
      }
      try (Connection borrowed = source.borrowReader()) {
        KilnConnection reader = ConnectionSource.physical(borrowed);
        reader.execute("PRAGMA query_only = 0");
        try {
          vacuumInto(reader, file);
        } finally {
          reader.execute("PRAGMA query_only = 1");
        }
      }
    } catch (SQLException e) {
      throw new KilnException("cannot back up to " + file + ": " + e.getMessage()
          + " (the target must be a new file in a writable folder)", e);
    }
  }

  private static void vacuumInto(KilnConnection connection, String file) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, file);
      ps.execute();
    }
  }
}
