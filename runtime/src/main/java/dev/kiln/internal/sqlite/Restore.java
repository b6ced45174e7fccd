package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts a verified backup in place of a database file that no one uses: the copy is written
 * beside the target and moved over it in one step, and the target's {@code -wal} and
 * {@code -shm}, which belong to the old file, are removed first.
 */
public final class Restore {

  private Restore() {}

  public static void restore(Path backup, Path target) {
    if (!Files.isRegularFile(backup)) {
      throw new KilnException("cannot restore " + backup + ": no such file");
    }
    BackupFiles.verify(backup);
    if (OpenFiles.isOpen(target)) {
      throw new KilnException("cannot restore over " + target + ": a Database of this process"
          + " has it open; close it first");
    }
    if (Files.exists(target)) {
      refuseIfInUse(target);
    }
    Path staged = target.resolveSibling("." + target.getFileName() + ".restoring");
    try {
      Files.copy(backup, staged, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-wal"));
      Files.deleteIfExists(target.resolveSibling(target.getFileName() + "-shm"));
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new KilnException("cannot restore " + backup + " over " + target + ": "
          + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(staged);
      } catch (IOException ignored) {
        // a leftover staged copy is replaced by the next restore
      }
    }
  }

  /**
   * Refuses a target another process has open. In WAL mode SQLite leaves the log only when no
   * other connection has the database open, idle or not; in rollback mode an exclusive lock,
   * taken without waiting, fails while anyone reads or writes. The file is replaced next, so
   * leaving it in rollback mode changes nothing that stays.
   */
  private static void refuseIfInUse(Path target) {
    String mode;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath());
        Statement st = c.createStatement()) {
      st.execute("PRAGMA busy_timeout = 0");
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = DELETE")) {
        mode = rs.next() ? rs.getString(1) : "";
      }
      st.execute("BEGIN EXCLUSIVE");
      st.execute("ROLLBACK");
    } catch (SQLException e) {
      throw inUse(target, e.getMessage(), e);
    }
    if (!"delete".equalsIgnoreCase(mode)) {
      throw inUse(target, "another connection holds its write-ahead log", null);
    }
  }

  private static KilnException inUse(Path target, String why, Exception cause) {
    return new KilnException("cannot restore over " + target + ": it is in use (" + why
        + "); stop what uses it first", cause);
  }
}
