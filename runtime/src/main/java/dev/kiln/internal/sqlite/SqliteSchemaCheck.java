package dev.kiln.internal.sqlite;

import dev.kiln.internal.migrate.HistoryTable;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.SchemaMismatchException;

import dev.kiln.migrations.diff.Change;
import dev.kiln.migrations.diff.ManagedIndexes;
import dev.kiln.migrations.diff.MigrationPlan;
import dev.kiln.migrations.diff.RebuildTable;
import dev.kiln.migrations.diff.SchemaDiff;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Compares a live database with the schema an application was compiled against. Only the
 * expected tables are compared (a database may hold other tables); within them every column,
 * key, index and foreign key must match.
 */
public final class SqliteSchemaCheck {

  private SqliteSchemaCheck() {}

  /**
   * Checks the live schema of {@code connection}.
   *
   * @throws SchemaMismatchException listing each difference and the SQL that would fix it
   */
  public static void verify(Connection connection, Schema expected) {
    Schema live;
    try {
      live = SchemaReader.read(connection, HistoryTable.NAME);
    } catch (SQLException e) {
      throw new MigrationException("cannot read the schema of the database: " + e.getMessage(), e);
    }
    // Only the expected tables, and in them only the indexes the application declares: a
    // hand-written index is the application's own business.
    ManagedIndexes managed = ManagedIndexes.of(expected, List.of());
    Schema relevant = new Schema(live.tables().stream()
        .filter(t -> expected.table(t.name()).isPresent()).toList())
        .withIndexes(managed::manages);
    MigrationPlan fix = SchemaDiff.compare(relevant, expected);
    if (fix.isEmpty()) {
      return;
    }
    StringBuilder report = new StringBuilder("the database does not have the schema this"
        + " application was compiled with (").append(fix.changes().size())
        .append(fix.changes().size() == 1 ? " difference" : " differences").append(").")
        .append(" Each difference and the SQL that would fix it:");
    int n = 0;
    for (Change change : fix.changes()) {
      report.append("\n  ").append(++n).append(". ").append(change.description()).append(':');
      for (String sql : change.statements()) {
        report.append("\n       ").append(sql.replace("\n", "\n       ")).append(';');
      }
    }
    report.append("\nPut these steps into a new migration (with -Akiln.migrations set, the build"
        + " writes it for you) and start the application again.");
    if (fix.changes().stream().anyMatch(c -> c instanceof RebuildTable)) {
      report.append(" A table rebuild must run with PRAGMA foreign_keys=OFF, as Kiln's migrator"
          + " runs it.");
    }
    List<String> differences = fix.changes().stream().map(Change::description).toList();
    throw new SchemaMismatchException(report.toString(), differences);
  }
}
