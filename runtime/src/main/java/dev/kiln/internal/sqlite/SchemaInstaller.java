package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import dev.kiln.internal.Transactions;
import dev.kiln.internal.migrate.HistoryTable;
import dev.kiln.mapping.SchemaProvider;
import dev.kiln.migrations.MigrationResult;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.SchemaReader;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Creates the compiled-in schema where it is missing: the tables and indexes of every
 * {@link SchemaProvider} on the class path that the live database lacks, in one write
 * transaction. Tables that exist are left as they are (the schema check that follows reports any
 * difference). This is how {@code Database.migrate()} works for applications built without
 * {@code -Akiln.migrations}.
 */
public final class SchemaInstaller {

  private SchemaInstaller() {}

  public static MigrationResult install(Transactions transactions, Schema expected) {
    return transactions.inWriteTransaction(() -> {
      KilnConnection writer = (KilnConnection) transactions.current().connection();
      try {
        Schema live = SchemaReader.read(writer, HistoryTable.NAME);
        List<String> applied = new ArrayList<>();
        for (Table table : expected.tablesInDependencyOrder()) {
          if (live.table(table.name()).isEmpty()) {
            writer.execute(SqliteDdl.createTable(table));
            applied.add("create table " + table.name());
          }
          Table existing = live.table(table.name()).orElse(null);
          for (Index index : table.indexes()) {
            boolean present = existing != null && existing.indexes().stream()
                .anyMatch(i -> i.name().equalsIgnoreCase(index.name()));
            if (!present) {
              writer.execute(SqliteDdl.createIndex(index));
              applied.add("create index " + index.name());
            }
          }
        }
        return new MigrationResult(applied);
      } catch (SQLException e) {
        throw new KilnException("cannot create the schema: " + e.getMessage(), e);
      }
    });
  }

  /** Replays every provider's DDL into a private in-memory database and reads the result back. */
  static Schema expectedSchema(ClassLoader loader) {
    List<String> statements = new ArrayList<>();
    for (SchemaProvider provider : ServiceLoader.load(SchemaProvider.class, loader)) {
      statements.addAll(provider.createStatements());
    }
    try {
      return ShadowDatabase.schemaOf(statements);
    } catch (SQLException e) {
      throw new KilnException("the compiled-in schema does not replay: " + e.getMessage(), e);
    }
  }
}
