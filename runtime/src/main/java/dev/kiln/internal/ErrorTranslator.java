package dev.kiln.internal;

import dev.kiln.ConstraintViolationException.Kind;
import dev.kiln.ConstraintViolationException;
import dev.kiln.KilnException;
import dev.kiln.TransactionConflictException;
import dev.kiln.internal.postgresql.PostgresErrors;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.UnreadableValueException;
import dev.kiln.migrations.schema.SqliteMessages;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's errors into {@link KilnException}s whose messages name the entity and its
 * properties: SQLite says {@code UNIQUE constraint failed: author.email}; Kiln says
 * {@code Author.email must be unique: UNIQUE constraint failed: author.email}.
 */
public final class ErrorTranslator {

  private ErrorTranslator() {}

  /** Translates {@code e}, raised while doing {@code action} ("insert", …) on {@code info}. */
  public static KilnException translate(SQLException e, EntityInfo info, String action) {
    String subject = info == null ? "" : info.entity() + ": ";
    String what = action + (info == null ? "" : " " + info.entity());
    if (!(e instanceof SQLiteException) && e.getSQLState() != null) {
      return fromPostgres(e, info, subject, what);
    }
    SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
    String detail = SqliteMessages.of(e);
    Kind kind = code == null ? null : kindOf(code);
    if (kind != null) {
      List<String> properties = properties(detail, info);
      String names = properties.isEmpty() ? subject.replace(": ", "")
          : String.join(", ", properties);
      return new ConstraintViolationException(kind, info == null ? "" : info.entity(),
          "cannot " + what + ": " + names + " " + explain(kind) + " (" + detail + ")", e);
    }
    if (e instanceof UnreadableValueException unreadable) {
      String property = info == null ? unreadable.column()
          : info.entity() + "." + info.property(unreadable.column());
      return new KilnException("cannot " + what + ": " + property + " — " + e.getMessage()
          + "; correct the stored value, or map the column to a type that reads it", e);
    }
    if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
      return new KilnException("cannot " + what + ": the database is locked by another process"
          + " for longer than busy_timeout (" + detail + ")", e);
    }
    return new KilnException("cannot " + what + ": " + detail, e);
  }

  /** PostgreSQL's errors, by SQLSTATE. */
  private static KilnException fromPostgres(
      SQLException e, EntityInfo info, String subject, String what) {
    String detail = PostgresErrors.detail(e);
    Kind kind = PostgresErrors.kind(e);
    if (kind != null) {
      List<String> properties = new ArrayList<>();
      for (String column : PostgresErrors.columns(e)) {
        properties.add(info == null ? column : info.entity() + "." + info.property(column));
      }
      String names = properties.isEmpty() ? subject.replace(": ", "")
          : String.join(", ", properties);
      return new ConstraintViolationException(kind, info == null ? "" : info.entity(),
          "cannot " + what + ": " + names + " " + explain(kind) + " (" + detail + ")", e);
    }
    if (PostgresErrors.conflict(e)) {
      return new TransactionConflictException("cannot " + what + ": the transaction conflicted"
          + " with a concurrent one and was rolled back; run it again from the start ("
          + detail + ")", e);
    }
    return new KilnException("cannot " + what + ": " + detail, e);
  }

  private static Kind kindOf(SQLiteErrorCode code) {
    return switch (code) {
      case SQLITE_CONSTRAINT_UNIQUE -> Kind.UNIQUE;
      case SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_ROWID -> Kind.PRIMARY_KEY;
      case SQLITE_CONSTRAINT_NOTNULL -> Kind.NOT_NULL;
      case SQLITE_CONSTRAINT_FOREIGNKEY -> Kind.FOREIGN_KEY;
      case SQLITE_CONSTRAINT_CHECK, SQLITE_CONSTRAINT_DATATYPE -> Kind.CHECK;
      case SQLITE_CONSTRAINT, SQLITE_CONSTRAINT_TRIGGER, SQLITE_CONSTRAINT_COMMITHOOK,
          SQLITE_CONSTRAINT_FUNCTION, SQLITE_CONSTRAINT_VTAB, SQLITE_CONSTRAINT_PINNED -> Kind.OTHER;
      default -> null;
    };
  }

  private static String explain(Kind kind) {
    return switch (kind) {
      case UNIQUE -> "must be unique and another row already has this value";
      case PRIMARY_KEY -> "is a key another row already has";
      case NOT_NULL -> "may not be null";
      case FOREIGN_KEY -> "must reference an existing row (or a referenced row is still in use)";
      case CHECK -> "has a value the column does not accept";
      case OTHER -> "broke a constraint";
    };
  }

  /** The {@code Entity.property} names in SQLite's "constraint failed: t.a, t.b" message. */
  private static List<String> properties(String detail, EntityInfo info) {
    List<String> names = new ArrayList<>();
    int at = detail.indexOf("failed: ");
    if (at < 0) {
      return names;
    }
    for (String part : detail.substring(at + "failed: ".length()).split(",")) {
      String qualified = part.trim();
      int dot = qualified.indexOf('.');
      if (dot < 0) {
        continue;
      }
      String table = qualified.substring(0, dot);
      String column = qualified.substring(dot + 1);
      if (info != null && info.table().equalsIgnoreCase(table)) {
        names.add(info.entity() + "." + info.property(column));
      } else {
        names.add(qualified);
      }
    }
    return names;
  }
}
