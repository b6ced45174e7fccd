package dev.kiln.internal.sqlite;

import dev.kiln.ConstraintViolationException.Kind;
import dev.kiln.internal.EngineErrors;
import dev.kiln.migrations.schema.SqliteMessages;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What SQLite's errors mean to Kiln, read from their extended result codes and, for the columns
 * concerned, from the message ({@code UNIQUE constraint failed: author.email}).
 */
public final class SqliteErrors implements EngineErrors {

  /** The one instance: the class keeps no state. */
  public static final SqliteErrors INSTANCE = new SqliteErrors();

  private SqliteErrors() {}

  /** The message without the driver's decoration. */
  @Override
  public String detail(SQLException e) {
    return SqliteMessages.of(e);
  }

  /** The kind of constraint {@code e} reports, or null when it is no constraint violation. */
  @Override
  public Kind kind(SQLException e) {
    if (!(e instanceof SQLiteException sqlite)) {
      return null;
    }
    return switch (sqlite.getResultCode()) {
      case SQLITE_CONSTRAINT_UNIQUE -> Kind.UNIQUE;
      case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_ROWID -> Kind.PRIMARY_KEY;
      case SQLITE_CONSTRAINT_NOTNULL -> Kind.NOT_NULL;
      case SQLITE_CONSTRAINT_FOREIGNKEY -> Kind.FOREIGN_KEY;
      case SQLITE_CONSTRAINT_CHECK, SQLITE_CONSTRAINT_DATATYPE -> Kind.CHECK;
      case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_TRIGGER, SQLITE_CONSTRAINT_COMMITHOOK,
          SQLITE_CONSTRAINT_FUNCTION, SQLITE_CONSTRAINT_VTAB,
          SQLITE_CONSTRAINT_PINNED -> Kind.OTHER;
      default -> null;
    };
  }

  /** Whether another process held the database longer than {@code busy_timeout}. */
  @Override
  public String waitedTooLong(SQLException e) {
    boolean locked = e instanceof SQLiteException sqlite
        && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
            || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED);
    return locked ? "the database is locked by another process for longer than busy_timeout"
        : null;
  }

  /** The {@code {table, column}} pairs of a "constraint failed: t.a, t.b" message. */
  @Override
  public List<String[]> columns(SQLException e) {
    String detail = detail(e);
    List<String[]> columns = new ArrayList<>();
    int at = detail.indexOf("failed: ");
    if (at < 0) {
      return columns;
    }
    for (String part : detail.substring(at + "failed: ".length()).split(",")) {
      String qualified = part.trim();
      int dot = qualified.indexOf('.');
      if (dot >= 0) {
        columns.add(new String[] {qualified.substring(0, dot), qualified.substring(dot + 1)});
      }
    }
    return columns;
  }
}
