package dev.kiln.internal;

import dev.kiln.ConstraintViolationException.Kind;
import dev.kiln.ConstraintViolationException;
import dev.kiln.KilnException;
import dev.kiln.TransactionConflictException;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.UnreadableValueException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns each engine's errors, as its {@link EngineErrors} reads them, into
 * {@link KilnException}s whose messages name the entity and its properties: SQLite says
 * {@code UNIQUE constraint failed: author.email}; Kiln says {@code Author.email must be unique}.
 */
public final class ErrorTranslator {

  private ErrorTranslator() {}

  /**
   * Translates {@code e}, raised by the engine that {@code errors} reads while doing
   * {@code action} ("insert", …) on {@code info}.
   */
  public static KilnException translate(
      EngineErrors errors, SQLException e, EntityInfo info, String action) {
    String what = action + (info == null ? "" : " " + info.entity());
    String detail = errors.detail(e);
    Kind kind = errors.kind(e);
    if (kind != null) {
      List<String> properties = new ArrayList<>();
      for (String[] column : errors.columns(e)) {
        properties.add(name(info, column[0], column[1]));
      }
      String names = properties.isEmpty() ? (info == null ? "" : info.entity())
          : String.join(", ", properties);
      return new ConstraintViolationException(kind, info == null ? "" : info.entity(),
          "cannot " + what + ": " + names + " " + explain(kind) + " (" + detail + ")", e);
    }
    if (e instanceof UnreadableValueException unreadable) {
      String property = info == null ? unreadable.column()
          : info.entity() + "." + info.property(unreadable.column());
      return new KilnException("cannot " + what + ": " + property + " — " + e.getMessage()
          + "; " + unreadable.fix(), e);
    }
    String waited = errors.waitedTooLong(e);
    if (waited != null) {
      return new KilnException("cannot " + what + ": " + waited + " (" + detail + ")", e);
    }
    if (errors.conflict(e)) {
      return new TransactionConflictException("cannot " + what + ": the transaction conflicted"
          + " with a concurrent one and was rolled back; run it again from the start ("
          + detail + ")", e);
    }
    return new KilnException("cannot " + what + ": " + detail, e);
  }

  /** {@code Entity.property} when the column is {@code info}'s, otherwise as the engine said. */
  private static String name(EntityInfo info, String table, String column) {
    if (info != null && (table == null || info.table().equalsIgnoreCase(table))) {
      return info.entity() + "." + info.property(column);
    }
    return table == null ? column : table + "." + column;
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
}
