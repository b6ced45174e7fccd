package dev.kiln.internal.sqlite;

import dev.kiln.internal.EngineMaintenance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's upkeep, each step on the connection that disturbs least: statistics and vacuum need
 * the writer; the checkpoint copies the log on a reader first and takes the writer only to
 * truncate what is left; the checks read on a reader, in a snapshot, and never block anyone.
 */
final class SqliteMaintenance implements EngineMaintenance {

  /** How many rows {@code PRAGMA optimize} may read per index, as SQLite recommends. */
  private static final int ANALYSIS_LIMIT = 400;
  /** How long the truncating checkpoint waits for readers still in the log. */
  private static final int TRUNCATE_WAIT_MILLIS = 100;

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

  private static int intPragma(KilnConnection connection, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareUncached("PRAGMA " + name);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
