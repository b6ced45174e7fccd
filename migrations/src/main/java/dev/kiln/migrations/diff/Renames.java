package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.ForeignKey;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The renames the entities declare with {@code @Table(renamedFrom = …)} and
 * {@code @Column(renamedFrom = …)}: without them a renamed table or column looks like a dropped
 * one plus a new one.
 */
public final class Renames {

  /** new table name → old table name */
  private final Map<String, String> tables = new LinkedHashMap<>();
  /** table (lower case, its new name) → new column name → old column name */
  private final Map<String, Map<String, String>> byTable = new LinkedHashMap<>();

  /** No renames. */
  public static Renames none() {
    return new Renames();
  }

  /** Records that table {@code from} is now called {@code to}. */
  public Renames addTable(String from, String to) {
    tables.put(to, from);
    return this;
  }

  /** Records that column {@code from} of {@code table} is now called {@code to}. */
  public Renames add(String table, String from, String to) {
    byTable.computeIfAbsent(key(table), t -> new LinkedHashMap<>()).put(to, from);
    return this;
  }

  /**
   * The renames that apply to {@code from} on the way to {@code to}, in the order they run:
   * tables first, then the columns of the tables as renamed.
   */
  public List<Change> steps(Schema from, Schema to) {
    List<Change> steps = new ArrayList<>(tableChanges(from, to));
    steps.addAll(changes(apply(from, steps), to));
    return steps;
  }

  /**
   * {@code schema} with {@code steps} (from {@link #steps}) made in order, as SQLite makes them:
   * a table's new name in its indexes and in the references to it, a column's in keys, indexes
   * and references.
   */
  public static Schema apply(Schema schema, List<Change> steps) {
    Schema result = schema;
    for (Change step : steps) {
      result = step instanceof RenameTable table ? renameTable(result, table)
          : renameColumn(result, (RenameColumn) step);
    }
    return result;
  }

  /**
   * The table renames that apply: the old table exists and the target has no table of that
   * name, the new one does not exist yet and the target has it.
   */
  private List<RenameTable> tableChanges(Schema from, Schema to) {
    List<RenameTable> changes = new ArrayList<>();
    tables.forEach((newName, oldName) -> {
      Table old = from.table(oldName).orElse(null);
      Table target = to.table(newName).orElse(null);
      if (old != null && target != null && from.table(newName).isEmpty()
          && to.table(oldName).isEmpty()) {
        changes.add(new RenameTable(old.name(), target.name()));
      }
    });
    return changes;
  }

  private static Schema renameTable(Schema schema, RenameTable rename) {
    return eachTable(schema, t -> {
      boolean own = same(t.name(), rename.from());
      String name = own ? rename.to() : t.name();
      return new Table(name, t.columns(), t.primaryKey(), t.strict(),
          t.indexes().stream().map(i -> own ? i.renamed(i.name(), name) : i).toList(),
          t.foreignKeys().stream().map(fk -> same(fk.targetTable(), rename.from())
              ? new ForeignKey(fk.columns(), rename.to(), fk.targetColumns(), fk.onDelete(),
                  fk.onUpdate()) : fk).toList());
    });
  }

  /**
   * The column renames that apply to {@code from} on the way to {@code to}: the old column
   * exists, the new one does not yet, and the target has it.
   */
  private List<RenameColumn> changes(Schema from, Schema to) {
    List<RenameColumn> changes = new ArrayList<>();
    for (Table table : from.tables()) {
      Table target = to.table(table.name()).orElse(null);
      Map<String, String> renames = byTable.get(key(table.name()));
      if (target == null || renames == null) {
        continue;
      }
      renames.forEach((newName, oldName) -> {
        Column old = table.column(oldName).orElse(null);
        if (old != null && table.column(newName).isEmpty() && target.column(newName).isPresent()) {
          changes.add(new RenameColumn(table.name(), old.name(),
              target.column(newName).orElseThrow().name()));
        }
      });
    }
    return changes;
  }

  private static Schema renameColumn(Schema schema, RenameColumn rename) {
    return eachTable(schema, t -> {
      boolean own = t.name().equalsIgnoreCase(rename.table());
      return new Table(t.name(),
          t.columns().stream()
              .map(c -> own && same(c.name(), rename.from())
                  ? new Column(rename.to(), c.type(), c.notNull(), c.defaultValue(), c.logical())
                  : c)
              .toList(),
          own ? renamed(t.primaryKey(), rename) : t.primaryKey(),
          t.strict(),
          t.indexes().stream().map(i -> own ? new Index(i.name(), i.table(),
              renamed(i.columns(), rename), i.unique(), i.where(), i.modifiers()) : i).toList(),
          t.foreignKeys().stream().map(fk -> new ForeignKey(
              own ? renamed(fk.columns(), rename) : fk.columns(), fk.targetTable(),
              same(fk.targetTable(), rename.table())
                  ? renamed(fk.targetColumns(), rename) : fk.targetColumns(),
              fk.onDelete(), fk.onUpdate())).toList());
    });
  }

  private static Schema eachTable(Schema schema, UnaryOperator<Table> change) {
    return new Schema(schema.tables().stream().map(change).toList());
  }

  private static List<String> renamed(List<String> columns, RenameColumn rename) {
    return columns.stream().map(c -> same(c, rename.from()) ? rename.to() : c).toList();
  }

  private static boolean same(String a, String b) {
    return a != null && a.equalsIgnoreCase(b);
  }

  private static String key(String table) {
    return table.toLowerCase(Locale.ROOT);
  }
}
