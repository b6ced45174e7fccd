package dev.kiln.internal.sqlite;

import dev.kiln.internal.EngineMaintenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's upkeep, each step on the connection that disturbs least: statistics and vacuum need
 * the writer; the checkpoint copies the log on a reader first and takes the writer only to
 * truncate what is left (and, when readers have kept the log from being reset until it grew past
 * 64 MiB, waits longer for them once, with a warning); the checks read on a reader, in a
 * snapshot, and never block anyone.
 */
final class SqliteMaintenance implements EngineMaintenance {

  /** How many rows {@code PRAGMA optimize} may read per index, as SQLite recommends. */
  private static final int ANALYSIS_LIMIT = 400;
  /** How long the truncating checkpoint waits for readers still in the log. */
  private static final int TRUNCATE_WAIT_MILLIS = 100;

  /** How long a checkpoint waits for readers once the log has grown past its limit. */
  private static final int STARVED_WAIT_MILLIS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger("dev.kiln.maintenance");

  private final ConnectionSource source;

  SqliteMaintenance(ConnectionSource source) {
    this.source = source;
  }

  @Override
  public void optimize() throws SQLException {
    source.lockWriter();
    try {
      KilnConnection writer = source.writerConnection();
      writer.execute("PRAGMA analysis_limit = " + ANALYSIS_LIMIT);
      writer.execute("PRAGMA optimize");
    } finally {
      source.unlockWriter();
    }
  }

  @Override
  public boolean checkpoint() throws SQLException {
    if (source.hasReaders()) {
      // Copies the log's pages while writers go on: it waits for no one.
      try (Connection borrowed = source.borrowReader()) {
        checkpoint(ConnectionSource.physical(borrowed), "PASSIVE");
      }
    }
    source.lockWriter();
    try {
      KilnConnection writer = source.writerConnection();
      int wait = intPragma(writer, "busy_timeout");
      writer.execute("PRAGMA busy_timeout = " + TRUNCATE_WAIT_MILLIS);
      try {
        if (checkpoint(writer, "TRUNCATE")) {
          return true;
        }
        long size = walSize();
        if (size <= ConnectionSource.WAL_LIMIT) {
          return false; // the next checkpoint tries again
        }
        // Starved: a steady stream of readers kept the log from being reset and it has grown
        // past the limit. Wait longer for them, once, and say so.
        LOG.warn("the write-ahead log of {} is {} MiB: readers keep checkpoints from resetting"
            + " it (long read transactions or open streams?); waiting up to {} ms for them",
            source.file(), size >> 20, STARVED_WAIT_MILLIS);
        writer.execute("PRAGMA busy_timeout = " + STARVED_WAIT_MILLIS);
        return checkpoint(writer, "TRUNCATE");
      } finally {
        writer.execute("PRAGMA busy_timeout = " + wait);
      }
    } finally {
      source.unlockWriter();
    }
  }

  /** Runs a checkpoint in {@code mode}; whether it completed (SQLite was not busy). */
  private static boolean checkpoint(KilnConnection connection, String mode) throws SQLException {
    try (PreparedStatement ps = connection.prepareUncached("PRAGMA wal_checkpoint(" + mode + ")");
        ResultSet rs = ps.executeQuery()) {
      return !rs.next() || rs.getInt(1) == 0;
    }
  }

  @Override
  public void vacuum() throws SQLException {
    source.lockWriter();
    try {
      KilnConnection writer = source.writerConnection();
      if (intPragma(writer, "auto_vacuum") == 2) {
        writer.execute("PRAGMA incremental_vacuum"); // frees the free pages, nothing more
      } else {
        writer.execute("VACUUM");
      }
    } finally {
      source.unlockWriter();
    }
  }

  @Override
  public List<String> integrityCheck() throws SQLException {
    if (!source.hasReaders()) {
      source.lockWriter();
      try {
        return check(source.writerConnection());
      } finally {
        source.unlockWriter();
      }
    }
    try (Connection borrowed = source.borrowReader()) {
      return check(ConnectionSource.physical(borrowed));
    }
  }

  private static List<String> check(KilnConnection connection) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareUncached("PRAGMA integrity_check");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!"ok".equals(rs.getString(1))) {
          problems.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement ps = connection.prepareUncached("PRAGMA foreign_key_check");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        problems.add("row " + rs.getLong(2) + " of " + rs.getString(1)
            + " refers to a missing row of " + rs.getString(3));
      }
    }
    return problems;
  }

  private long walSize() {
    Path file = source.file();
    if (file == null) {
      return 0;
    }
    try {
      Path wal = file.resolveSibling(file.getFileName() + "-wal");
      return Files.exists(wal) ? Files.size(wal) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static int intPragma(KilnConnection connection, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareUncached("PRAGMA " + name);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
