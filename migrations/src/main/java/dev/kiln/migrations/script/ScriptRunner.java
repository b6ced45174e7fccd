package dev.kiln.migrations.script;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Runs a migration's statements one by one on a connection, inside a transaction its caller owns.
 *
 * <p>Statements that would end or nest that transaction ({@code BEGIN}, {@code COMMIT},
 * {@code SAVEPOINT}…) are refused before anything runs, and so is {@code PRAGMA foreign_keys},
 * which SQLite ignores inside a transaction: the migrator already switches foreign keys off around
 * the run and checks them before committing.
 */
public final class ScriptRunner {

  private static final Set<String> TRANSACTION_CONTROL =
      Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE");

  private ScriptRunner() {}

  /**
   * Runs {@code migration}.
   *
   * @throws ScriptException naming the statement and line that failed, caused by SQLite's error
   */
  public static void run(Connection connection, Migration migration) {
    List<SqlScript.Statement> statements = check(migration);
    try (java.sql.Statement jdbc = connection.createStatement()) {
      for (SqlScript.Statement statement : statements) {
        try {
          jdbc.execute(statement.sql());
        } catch (SQLException e) {
          throw new ScriptException(migration.script() + ", line " + statement.line() + " ("
              + abbreviate(statement.sql()) + "): " + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new ScriptException(migration.script() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Splits {@code migration} and refuses the statements it may not contain, without running
   * anything; returns the statements.
   *
   * @throws ScriptException naming the refused statement and why
   */
  public static List<SqlScript.Statement> check(Migration migration) {
    List<SqlScript.Statement> statements = SqlScript.split(migration.sql());
    statements.forEach(s -> refuseControl(migration, s));
    return statements;
  }

  private static void refuseControl(Migration migration, SqlScript.Statement statement) {
    List<String> words = SqlScript.words(statement.sql(), 2);
    if (TRANSACTION_CONTROL.contains(statement.keyword())) {
      throw new ScriptException(migration.script() + ", line " + statement.line() + ": "
          + statement.keyword() + " is not allowed in a migration. Kiln runs each migration in"
          + " its own transaction (a savepoint of the run); remove the transaction statements");
    }
    if (words.size() == 2 && words.get(0).equals("PRAGMA")
        && words.get(1).equals("FOREIGN_KEYS")) {
      throw new ScriptException(migration.script() + ", line " + statement.line()
          + ": PRAGMA foreign_keys has no effect inside a migration's transaction. Remove it:"
          + " Kiln already runs migrations with foreign keys off and runs PRAGMA"
          + " foreign_key_check before each one commits");
    }
  }

  /** The first line of a statement, cut to a length that fits a message. */
  static String abbreviate(String sql) {
    String first = sql.lines().findFirst().orElse("").strip();
    boolean more = first.length() > 80 || sql.strip().contains("\n");
    return (first.length() > 80 ? first.substring(0, 80) : first) + (more ? " …" : "");
  }
}
