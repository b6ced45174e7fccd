package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import dev.kiln.internal.Transactions;
import dev.kiln.internal.migrate.RunSettings;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.sql.SQLException;
import java.util.List;

/**
 * What {@code Database.migrate()} does. With migrations in {@code db/kiln/} on the class path
 * (applications built with {@code -Akiln.migrations}), a {@link SqliteMigrationRun} applies them
 * on the writer connection, adopting a database Kiln created before migrations were used;
 * without any, and on a database that never had any, the compiled-in schema's missing tables
 * and indexes are created. Either way the live schema is then checked against the
 * compiled-in one.
 *
 * <p>The writer lock is held throughout, so no thread of this process writes while the schema
 * changes; other processes wait on SQLite's lock, which the migrator holds for its whole run.
 */
public final class StartupMigration {

  private StartupMigration() {}

  public static MigrationResult run(
      ConnectionSource source, Transactions transactions, ClassLoader loader) {
    if (transactions.current() != null) {
      throw new KilnException("migrate() cannot run inside a transaction: call it once at"
          + " start-up, before the application's first transaction");
    }
    Schema expected = SchemaInstaller.expectedSchema(loader);
    List<Migration> migrations = MigrationException.reporting(
        () -> Migrations.fromClasspath(loader, Migrations.DEFAULT_LOCATION));
    source.lockWriter();
    try {
      KilnConnection writer = source.writerConnection();
      if (migrations.isEmpty() && !SqliteMigrationRun.HISTORY.exists(writer)) {
        MigrationResult created = SchemaInstaller.install(transactions, expected);
        SqliteSchemaCheck.verify(writer, expected);
        return created;
      }
      return new SqliteMigrationRun(writer, RunSettings.atStartUp(expected), migrations).run();
    } catch (SQLException e) {
      throw new MigrationException("migration failed: " + e.getMessage(), e);
    } finally {
      source.unlockWriter();
    }
  }
}
