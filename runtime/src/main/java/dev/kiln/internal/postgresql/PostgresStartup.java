package dev.kiln.internal.postgresql;

import dev.kiln.KilnException;
import dev.kiln.internal.Connections;
import dev.kiln.internal.Session;
import dev.kiln.internal.Transactions;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.SchemaMismatchException;
import dev.kiln.migrations.dialect.postgresql.PostgresDdl;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import dev.kiln.spi.SchemaProvider;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * What {@code Database.migrate()} does on PostgreSQL for an application built without
 * migrations: in one transaction, under a transaction-scoped advisory lock (so that several nodes
 * starting at once create the schema once), it creates the compiled-in schema's missing tables,
 * their foreign keys and missing indexes; then it checks the live schema against the compiled-in
 * one ({@link PostgresSchemaCheck}), and prepares every statement of the application there
 * ({@link PostgresStatementCheck}).
 */
public final class PostgresStartup {

  /** The advisory lock key of Kiln's schema changes: "kiln" in ASCII. */
  static final long LOCK_KEY = 0x6b696c6eL;

  private PostgresStartup() {}

  public static MigrationResult run(
      Connections connections, Transactions transactions, ClassLoader loader) {
    if (transactions.current() != null) {
      throw new KilnException("migrate() cannot run inside a transaction: call it once at"
          + " start-up, before the application's first transaction");
    }
    Schema expected = expectedSchema(loader);
    MigrationResult result = transactions.inWriteTransaction(() -> {
      Session session = transactions.current().connection();
      try {
        return install(session, expected);
      } catch (SQLException e) {
        throw new KilnException("cannot create the schema on PostgreSQL: "
            + PostgresErrors.detail(e), e);
      }
    });
    List<String> differences = transactions.inReadTransaction(() -> {
      try {
        return PostgresSchemaCheck.differences(transactions.current().connection(), expected);
      } catch (SQLException e) {
        throw new KilnException("cannot read the schema back: " + PostgresErrors.detail(e), e);
      }
    });
    if (!differences.isEmpty()) {
      throw new SchemaMismatchException("the PostgreSQL schema differs from the one the"
          + " application was compiled against:\n  " + String.join("\n  ", differences),
          differences);
    }
    PostgresStatementCheck.verify(connections, loader);
    return result;
  }

  private static MigrationResult install(Session session, Schema expected) throws SQLException {
    session.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
    List<String> applied = new ArrayList<>();
    List<Table> created = new ArrayList<>();
    for (Table table : expected.tablesInDependencyOrder()) {
      if (!exists(session, table.name())) {
        session.execute(PostgresDdl.createTable(table));
        applied.add("create table " + table.name());
        created.add(table);
      }
    }
    for (Table table : created) {
      for (var fk : table.foreignKeys()) {
        session.execute(PostgresDdl.addForeignKey(table, fk));
      }
    }
    for (Table table : expected.tables()) {
      for (var index : table.indexes()) {
        if (!exists(session, index.name())) {
          session.execute(PostgresDdl.createIndex(index));
          applied.add("create index " + index.name());
        }
      }
    }
    return new MigrationResult(applied);
  }

  /** Whether a table or index of this name exists in the current schema. */
  private static boolean exists(Session session, String name) throws SQLException {
    PreparedStatement ps = session.prepare(
        "SELECT to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) IS NOT NULL");
    ps.setString(1, name);
    try (ResultSet rs = session.query(ps)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Every schema provider's model, merged. */
  static Schema expectedSchema(ClassLoader loader) {
    List<Table> tables = new ArrayList<>();
    for (SchemaProvider provider : ServiceLoader.load(SchemaProvider.class, loader)) {
      tables.addAll(provider.schema().tables());
    }
    return new Schema(tables);
  }
}
