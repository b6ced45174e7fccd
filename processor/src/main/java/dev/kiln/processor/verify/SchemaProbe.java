package dev.kiln.processor.verify;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.ShadowDatabase;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.SqliteMessages;
import dev.kiln.migrations.schema.Table;
import dev.kiln.processor.diag.Diagnostics;
import dev.kiln.processor.diag.Messages.Code;
import dev.kiln.processor.model.EntityModel;
import dev.kiln.processor.model.IndexModel;
import dev.kiln.processor.model.PropertyModel;
import dev.kiln.processor.schema.SchemaBuilder;
import dev.kiln.processor.validate.IndexNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Creates the schema the entities need in a scratch SQLite database, one statement at a time,
 * before anything is generated. The annotations carry SQL that only SQLite can judge — a column
 * default, a partial index's condition, a name SQLite keeps for itself — so SQLite judges it, and
 * what it refuses is reported on the annotation that wrote it, in SQLite's words.
 *
 * <p>A default and a condition are each tried twice: as written, because that is the DDL the
 * migrations will hold, and wrapped in parentheses, which SQLite accepts only for one whole
 * expression. Together they make sure the text cannot end the statement and start another.
 */
public final class SchemaProbe {

  private final Diagnostics diagnostics;

  public SchemaProbe(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks the DDL of {@code entities}; returns whether SQLite accepted all of it. */
  public boolean check(List<EntityModel> entities) {
    int before = diagnostics.errorCount();
    try (ShadowDatabase shadow = ShadowDatabase.open()) {
      Connection connection = shadow.connection();
      for (EntityModel entity : entities) {
        for (PropertyModel p : entity.columns()) {
          if (p.defaultValue() != null) {
            checkDefault(connection, entity, p);
          }
        }
      }
      if (diagnostics.errorCount() > before) {
        return false;
      }
      Schema schema = SchemaBuilder.build(entities);
      for (Table table : schema.tablesInDependencyOrder()) {
        EntityModel entity = entityOf(entities, table.name());
        run(connection, SqliteDdl.createTable(table)).ifPresent(problem ->
            diagnostics.error(entity.element(), Code.SCHEMA_REFUSED, "table", table.name(),
                problem));
      }
      for (Table table : schema.tables()) {
        EntityModel entity = entityOf(entities, table.name());
        for (Index index : table.indexes()) {
          checkIndex(connection, entity, index);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the scratch database could not be opened", e);
    }
    return diagnostics.errorCount() == before;
  }

  private void checkDefault(Connection connection, EntityModel entity, PropertyModel p) {
    Column column = new Column("v", p.kind().sqlType(), !p.nullable(), p.defaultValue());
    String type = column.type() + (column.notNull() ? " NOT NULL" : "");
    String strict = entity.strict() ? " STRICT" : "";
    String problem = run(connection,
        "CREATE TABLE kiln_probe (\"v\" " + type + " DEFAULT (" + p.defaultValue() + "))" + strict)
        .or(() -> run(connection, "DROP TABLE kiln_probe"))
        .or(() -> run(connection,
            "CREATE TABLE kiln_probe (" + SqliteDdl.columnDefinition(column) + ")" + strict))
        // Inserting a row shows a default of the wrong type in a STRICT table, and NULL in a
        // NOT NULL column: both pass CREATE TABLE and fail the first insert that relies on them.
        .or(() -> run(connection, "INSERT INTO kiln_probe DEFAULT VALUES"))
        .orElse(null);
    run(connection, "DROP TABLE IF EXISTS kiln_probe");
    if (problem != null) {
      diagnostics.error(p.element(), Code.BAD_DEFAULT, p.defaultValue(), entity.simpleName(),
          p.name(), problem);
    }
  }

  private void checkIndex(Connection connection, EntityModel entity, Index index) {
    IndexModel written = entity.indexes().stream()
        .filter(i -> IndexNames.of(entity, i).equalsIgnoreCase(index.name()))
        .findFirst().orElse(null);
    Optional<String> problem = Optional.empty();
    if (index.where() != null) {
      Index wrapped = new Index("kiln_probe_index", index.table(), index.columns(), false,
          "(" + index.where() + ")", index.modifiers());
      problem = run(connection, SqliteDdl.createIndex(wrapped))
          .or(() -> run(connection, "DROP INDEX kiln_probe_index"));
    }
    problem = problem.or(() -> run(connection, SqliteDdl.createIndex(index)));
    problem.ifPresent(message -> {
      if (written == null) {
        PropertyModel unique = entity.columns().stream()
            .filter(p -> p.unique() && IndexNames.uniqueColumn(entity, p).equals(index.name()))
            .findFirst().orElseThrow();
        diagnostics.error(unique.element(), Code.SCHEMA_REFUSED, "unique index", index.name(),
            message);
      } else if (index.where() != null) {
        diagnostics.error(entity.element(), written.annotation(), null, Code.BAD_INDEX_WHERE,
            index.where(), index.name(), message);
      } else {
        diagnostics.error(entity.element(), written.annotation(), null, Code.SCHEMA_REFUSED,
            "index", index.name(), message);
      }
    });
  }

  private static EntityModel entityOf(List<EntityModel> entities, String table) {
    return entities.stream().filter(e -> e.table().equalsIgnoreCase(table)).findFirst()
        .orElseThrow();
  }

  /** Runs {@code sql}; SQLite's message if it refused it. */
  private static Optional<String> run(Connection connection, String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(SqliteMessages.of(e));
    }
  }
}
