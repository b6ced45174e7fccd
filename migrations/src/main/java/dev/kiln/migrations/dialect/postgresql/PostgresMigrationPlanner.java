package dev.kiln.migrations.dialect.postgresql;

import dev.kiln.migrations.diff.Change;
import dev.kiln.migrations.diff.MigrationPlan;
import dev.kiln.migrations.diff.RenameColumn;
import dev.kiln.migrations.diff.RenameTable;
import dev.kiln.migrations.diff.Renames;
import dev.kiln.migrations.diff.SchemaDiff;
import dev.kiln.migrations.diff.Step;
import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.ForeignKey;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps that take a PostgreSQL schema to another, in PostgreSQL's own DDL: PostgreSQL alters
 * a table in place (a column's type with {@code USING}, {@code SET NOT NULL}, defaults, keys and
 * constraints), so there is none of SQLite's table rebuilding. The data a plan would destroy, and
 * the risks it runs, are the same as on SQLite and are computed by {@link SchemaDiff}.
 *
 * <p>Implementation notes: a foreign key added to a table that has rows is added
 * {@code NOT VALID} and then validated, so that the check of the existing rows does not hold a
 * lock that blocks writes to both tables meanwhile. Constraint names follow the tables and
 * columns ({@code fk_book_author_id}, {@code book_pkey}), so renames rename them too. A column
 * whose value must become non-null is given its default first where it has one, as SQLite's
 * rebuild does with {@code COALESCE}.
 */
public final class PostgresMigrationPlanner {

  private PostgresMigrationPlanner() {}

  /** The plan from {@code from} to {@code to} (both with logical types), renames first. */
  public static MigrationPlan plan(Schema from, Schema to, Renames renames) {
    MigrationPlan sqlite = SchemaDiff.plan(from, to, renames, List.of());
    List<Change> renameSteps = renames.steps(from, to);
    Schema before = Renames.apply(from, renameSteps);
    List<Change> steps = new ArrayList<>();
    for (Change rename : renameSteps) {
      steps.add(withConstraints(rename, from));
    }
    List<Table> created = new ArrayList<>();
    List<String> dropIndexes = new ArrayList<>();
    List<String> dropForeignKeys = new ArrayList<>();
    List<Step> alters = new ArrayList<>();
    List<String> addForeignKeys = new ArrayList<>();
    List<Index> createIndexes = new ArrayList<>();
    for (Table table : to.tablesInDependencyOrder()) {
      Optional<Table> existing = before.table(table.name());
      if (existing.isEmpty()) {
        created.add(table);
        table.foreignKeys().forEach(fk -> addForeignKeys.add(PostgresDdl.addForeignKey(table, fk)));
        continue;
      }
      Table old = existing.get();
      for (Index index : old.indexes()) {
        if (table.indexes().stream().noneMatch(i -> sameIndex(i, index))) {
          dropIndexes.add("DROP INDEX " + q(index.name()));
        }
      }
      for (Index index : table.indexes()) {
        if (old.indexes().stream().noneMatch(i -> sameIndex(i, index))) {
          createIndexes.add(index);
        }
      }
      for (ForeignKey fk : old.foreignKeys()) {
        if (table.foreignKeys().stream().noneMatch(f -> sameForeignKey(f, fk))) {
          dropForeignKeys.add("ALTER TABLE " + q(table.name()) + " DROP CONSTRAINT "
              + q(PostgresDdl.foreignKeyName(old, fk)));
        }
      }
      for (ForeignKey fk : table.foreignKeys()) {
        if (old.foreignKeys().stream().noneMatch(f -> sameForeignKey(f, fk))) {
          // Existing rows are checked by VALIDATE, which does not block writes meanwhile.
          addForeignKeys.add(PostgresDdl.addForeignKey(table, fk) + " NOT VALID");
          addForeignKeys.add("ALTER TABLE " + q(table.name()) + " VALIDATE CONSTRAINT "
              + q(PostgresDdl.foreignKeyName(table, fk)));
        }
      }
      alter(old, table).ifPresent(alters::add);
    }
    if (!dropIndexes.isEmpty()) {
      steps.add(new Step("", "", "drop the indexes that change or go", dropIndexes));
    }
    if (!dropForeignKeys.isEmpty()) {
      steps.add(new Step("", "", "drop the foreign keys that change or go", dropForeignKeys));
    }
    for (Table table : created) {
      List<String> sql = new ArrayList<>(List.of(PostgresDdl.createTable(table)));
      table.indexes().forEach(index -> sql.add(PostgresDdl.createIndex(index)));
      steps.add(new Step("create_table", table.name(), "create table " + q(table.name()), sql));
    }
    steps.addAll(alters);
    for (Table old : before.tables()) {
      if (to.table(old.name()).isEmpty()) {
        steps.add(new Step("drop_table", old.name(), "drop table " + q(old.name())
            + " with its rows", List.of("DROP TABLE " + q(old.name()))));
      }
    }
    if (!addForeignKeys.isEmpty()) {
      steps.add(new Step("", "", "add the new foreign keys", addForeignKeys));
    }
    for (Index index : createIndexes) {
      steps.add(new Step("create_index", index.name(), "create " + (index.unique() ? "unique " : "")
          + "index " + q(index.name()) + " on " + q(index.table()),
          List.of(PostgresDdl.createIndex(index))));
    }
    return new MigrationPlan(steps, sqlite.losses(), sqlite.risks());
  }

  /** A rename, and the renames of the constraints named after what it renames. */
  private static Change withConstraints(Change rename, Schema from) {
    List<String> statements = new ArrayList<>(rename.statements());
    if (rename instanceof RenameTable r) {
      statements.add("ALTER TABLE " + q(r.to()) + " RENAME CONSTRAINT " + q(r.from() + "_pkey")
          + " TO " + q(r.to() + "_pkey"));
      Table old = from.table(r.from()).orElseThrow();
      for (ForeignKey fk : old.foreignKeys()) {
        Table renamed = new Table(r.to(), old.columns(), old.primaryKey(), old.strict(),
            old.indexes(), old.foreignKeys());
        statements.add("ALTER TABLE " + q(r.to()) + " RENAME CONSTRAINT "
            + q(PostgresDdl.foreignKeyName(old, fk)) + " TO "
            + q(PostgresDdl.foreignKeyName(renamed, fk)));
      }
    } else if (rename instanceof RenameColumn r) {
      Optional<Table> old = from.table(r.table());
      for (ForeignKey fk : old.map(Table::foreignKeys).orElse(List.of())) {
        if (fk.columns().stream().anyMatch(c -> c.equalsIgnoreCase(r.from()))) {
          ForeignKey renamed = new ForeignKey(fk.columns().stream()
              .map(c -> c.equalsIgnoreCase(r.from()) ? r.to() : c).toList(),
              fk.targetTable(), fk.targetColumns(), fk.onDelete(), fk.onUpdate());
          statements.add("ALTER TABLE " + q(r.table()) + " RENAME CONSTRAINT "
              + q(PostgresDdl.foreignKeyName(old.get(), fk)) + " TO "
              + q(PostgresDdl.foreignKeyName(old.get(), renamed)));
        }
      }
    }
    return new Step(rename.verb(), rename.object(), rename.description(), statements);
  }

  /** The in-place changes of a table's columns and key, or none. */
  private static Optional<Step> alter(Table old, Table table) {
    String name = q(table.name());
    List<String> sql = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Column c : old.columns()) {
      if (table.column(c.name()).isEmpty()) {
        sql.add("ALTER TABLE " + name + " DROP COLUMN " + q(c.name()));
        reasons.add("drop " + q(c.name()));
      }
    }
    for (Column c : table.columns()) {
      Optional<Column> was = old.column(c.name());
      String column = q(c.name());
      if (was.isEmpty()) {
        sql.add("ALTER TABLE " + name + " ADD COLUMN " + PostgresDdl.columnDefinition(c, false));
        reasons.add("add " + column);
        continue;
      }
      Column before = was.get();
      if (before.logical() != c.logical()) {
        String type = PostgresDdl.type(c.logical());
        sql.add("ALTER TABLE " + name + " ALTER COLUMN " + column + " TYPE " + type + " USING "
            + column + "::" + PostgresDdl.bareType(c.logical()));
        reasons.add("make " + column + " " + PostgresDdl.bareType(c.logical()));
      }
      if (!Objects.equals(trimmed(before.defaultValue()), trimmed(c.defaultValue()))) {
        sql.add("ALTER TABLE " + name + " ALTER COLUMN " + column
            + (c.defaultValue() == null ? " DROP DEFAULT"
                : " SET DEFAULT " + PostgresDdl.defaultExpression(c)));
        reasons.add("change the default of " + column);
      }
      if (before.notNull() != c.notNull()) {
        if (c.notNull() && c.defaultValue() != null) {
          sql.add("UPDATE " + name + " SET " + column + " = " + PostgresDdl.defaultExpression(c)
              + " WHERE " + column + " IS NULL");
        }
        sql.add("ALTER TABLE " + name + " ALTER COLUMN " + column
            + (c.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        reasons.add("make " + column + (c.notNull() ? " NOT NULL" : " nullable"));
      }
    }
    if (!sameNames(old.primaryKey(), table.primaryKey())) {
      sql.add("ALTER TABLE " + name + " DROP CONSTRAINT " + q(table.name() + "_pkey"));
      sql.add("ALTER TABLE " + name + " ADD PRIMARY KEY (" + String.join(", ",
          table.primaryKey().stream().map(PostgresMigrationPlanner::q).toList()) + ")");
      reasons.add("change the primary key");
    }
    if (sql.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Step("alter_table", table.name(), "alter table " + name + ": "
        + String.join(", ", reasons), sql));
  }

  private static boolean sameIndex(Index a, Index b) {
    return a.name().equalsIgnoreCase(b.name()) && a.unique() == b.unique()
        && sameNames(a.columns(), b.columns()) && a.modifiers().equals(b.modifiers())
        && Objects.equals(trimmed(a.where()), trimmed(b.where()));
  }

  private static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
    return sameNames(a.columns(), b.columns()) && a.targetTable().equalsIgnoreCase(b.targetTable())
        && sameNames(a.targetColumns(), b.targetColumns()) && a.onDelete().equals(b.onDelete())
        && a.onUpdate().equals(b.onUpdate());
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    return a.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
        .equals(b.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
  }

  private static String trimmed(String sql) {
    return sql == null ? null : sql.strip();
  }

  private static String q(String identifier) {
    return PostgresDdl.quote(identifier);
  }
}
