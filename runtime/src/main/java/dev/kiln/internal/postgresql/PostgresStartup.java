package dev.kiln.internal.postgresql;

import dev.kiln.KilnException;
import dev.kiln.internal.Connections;
import dev.kiln.internal.Transactions;
import dev.kiln.internal.migrate.RunSettings;
import dev.kiln.mapping.SchemaProvider;
import dev.kiln.migrations.MigrationException;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.Migrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What {@code Database.migrate()} does on PostgreSQL. With PostgreSQL migrations on the class
 * path ({@code db/kiln/postgresql/}, written by the build with
 * {@code -Akiln.dialects=sqlite,postgresql}), a {@link PostgresMigrationRun} applies the pending
 * ones, adopting a database Kiln created before migrations were used. Without
 * any, and on a database that never had any, it creates the compiled-in schema's missing tables,
 * foreign keys and indexes in one transaction, under a transaction-scoped advisory lock so that
 * several nodes starting at once create it once. Either way the live schema is then checked
 * against the compiled-in one, and every statement of the
 * application is prepared there ({@link PostgresStatementCheck}).
 */
public final class PostgresStartup {

  private PostgresStartup() {}

  public static MigrationResult run(
      Connections connections, Transactions transactions, ClassLoader loader) {
    if (transactions.current() != null) {
      throw new KilnException("migrate() cannot run inside a transaction: call it once at"
          + " start-up, before the application's first transaction");
    }
    Schema expected = SchemaProvider.all(loader);
    List<Migration> migrations = MigrationException.reporting(
        () -> Migrations.fromClasspath(loader, Migrations.POSTGRESQL_LOCATION));
    MigrationResult result;
    try (PostgresSession session = (PostgresSession) connections.writer()) {
      Connection connection = session.jdbc();
      if (!migrations.isEmpty() || PostgresMigrationRun.HISTORY.exists(connection)) {
        result = new PostgresMigrationRun(connection,
            RunSettings.atStartUp(expected), migrations).run();
      } else {
        result = install(connection, expected);
        PostgresMigrationRun.verifySchema(connection, expected);
      }
    } catch (SQLException e) {
      throw new MigrationException("cannot migrate the PostgreSQL database: "
          + PostgresErrors.INSTANCE.detail(e), e);
    }
    PostgresStatementCheck.verify(connections, loader);
    return result;
  }

  private static MigrationResult install(Connection connection, Schema expected)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      execute(connection, "SELECT pg_advisory_xact_lock(" + PostgresDdl.SCHEMA_LOCK + ")");
      List<String> applied = new ArrayList<>();
      List<Table> created = new ArrayList<>();
      for (Table table : expected.tablesInDependencyOrder()) {
        if (!exists(connection, table.name())) {
          execute(connection, PostgresDdl.createTable(table));
          applied.add("create table " + table.name());
          created.add(table);
        }
      }
      for (Table table : created) {
        for (var fk : table.foreignKeys()) {
          execute(connection, PostgresDdl.addForeignKey(table, fk));
        }
      }
      for (Table table : expected.tables()) {
        for (var index : table.indexes()) {
          if (!exists(connection, index.name())) {
            execute(connection, PostgresDdl.createIndex(index));
            applied.add("create index " + index.name());
          }
        }
      }
      connection.commit();
      return new MigrationResult(applied);
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /** Whether a table or index of this name exists in the current schema. */
  private static boolean exists(Connection connection, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass("
        + "quote_ident(current_schema()) || '.' || quote_ident(?)) IS NOT NULL")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

}
