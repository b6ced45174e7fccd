package dev.kiln.internal.postgresql;

import dev.kiln.ConstraintViolationException.Kind;
import dev.kiln.internal.EngineErrors;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL's errors mean to Kiln, read from their SQLSTATE (the same codes on every
 * PostgreSQL-compatible engine) and, for the columns concerned, from the message's detail.
 */
public final class PostgresErrors implements EngineErrors {

  /** The one instance: the class keeps no state. */
  public static final PostgresErrors INSTANCE = new PostgresErrors();

  /** {@code Key (author_id, title)=(…)} in a unique or foreign-key violation's detail. */
  private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");
  /** {@code null value in column "name" of relation "author"}. */
  private static final Pattern COLUMN = Pattern.compile("column \"([^\"]+)\"");

  private PostgresErrors() {}

  /** The kind of constraint {@code e} reports, or null when it is no constraint violation. */
  @Override
  public Kind kind(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "23505" -> String.valueOf(e.getMessage()).contains("_pkey\"") ? Kind.PRIMARY_KEY
          : Kind.UNIQUE;
      case "23502" -> Kind.NOT_NULL;
      case "23503" -> Kind.FOREIGN_KEY;
      case "23514" -> Kind.CHECK;
      default -> state.startsWith("23") ? Kind.OTHER : null;
    };
  }

  /**
   * A row or table lock held by another transaction for longer than {@code lock_timeout}, which
   * Kiln sets to the write timeout (SQLSTATE 55P03); or no pooled connection free for as long.
   */
  @Override
  public String waitedTooLong(SQLException e) {
    if ("55P03".equals(e.getSQLState())) {
      return "another transaction held a lock on the rows (or table) for longer than the write"
          + " timeout, which Kiln sets as lock_timeout; look for long transactions on the same"
          + " rows (pg_stat_activity, pg_locks), or raise DatabaseBuilder.writeTimeout(...)";
    }
    if (e instanceof SQLTransientConnectionException) {
      return "every connection of the pool stayed in use for longer than the write timeout;"
          + " look for transactions or streams that stay open, or raise"
          + " DatabaseBuilder.poolSize(...) or writeTimeout(...)";
    }
    return null;
  }

  /** Whether the transaction was rolled back for conflicting with another: retrying may work. */
  @Override
  public boolean conflict(SQLException e) {
    return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
  }

  /**
   * The {@code {table, column}} pairs a constraint violation names; the table is null, since it
   * is the table of the statement that failed.
   */
  @Override
  public List<String[]> columns(SQLException e) {
    String message = String.valueOf(e.getMessage());
    List<String[]> columns = new ArrayList<>();
    Matcher key = KEY.matcher(message);
    if (key.find()) {
      for (String column : key.group(1).split(",")) {
        columns.add(new String[] {null, unquote(column.trim())});
      }
      return columns;
    }
    Matcher column = COLUMN.matcher(message);
    if (column.find()) {
      columns.add(new String[] {null, column.group(1)});
    }
    return columns;
  }

  /** The first line of the message, without the driver's "ERROR: " prefix. */
  @Override
  public String detail(SQLException e) {
    if ("22021".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("0x00")) {
      return "a text value holds a NUL character (\\u0000), which PostgreSQL text cannot store";
    }
    String message = String.valueOf(e.getMessage()).strip();
    return message.startsWith("ERROR: ") ? message.substring("ERROR: ".length()) : message;
  }

  /**
   * Whether {@code e} says the connection is gone: SQLSTATE class 08 (connection exception), or
   * 57P (the server shutting down).
   */
  static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private static String unquote(String identifier) {
    return identifier.length() > 1 && identifier.startsWith("\"") && identifier.endsWith("\"")
        ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"") : identifier;
  }
}
