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

/**
 * The column renames the entities declare with {@code @Column(renamedFrom = …)}: without them a
 * renamed column looks like a dropped one plus a new one.
 */
public final class Renames {

  /** table (lower case) → new column name → old column name */
  private final Map<String, Map<String, String>> byTable = new LinkedHashMap<>();

  /** No renames. */
  public static Renames none() {
    return new Renames();
  }

  /** Records that column {@code from} of {@code table} is now called {@code to}. */
  public Renames add(String table, String from, String to) {
    byTable.computeIfAbsent(key(table), t -> new LinkedHashMap<>()).put(to, from);
    return this;
  }

  /**
   * The renames that apply to {@code from} on the way to {@code to}: the old column exists, the
   * new one does not yet, and the target has it.
   */
  public List<RenameColumn> changes(Schema from, Schema to) {
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

  /** {@code schema} with {@code renames} made, as SQLite makes them: in keys, indexes and references. */
  public static Schema apply(Schema schema, List<RenameColumn> renames) {
    Schema result = schema;
    for (RenameColumn rename : renames) {
      List<Table> tables = new ArrayList<>();
      for (Table t : result.tables()) {
        boolean own = t.name().equalsIgnoreCase(rename.table());
        tables.add(new Table(t.name(),
            t.columns().stream().map(c -> own && same(c.name(), rename.from())
                ? new Column(rename.to(), c.type(), c.notNull(), c.defaultValue()) : c).toList(),
            own ? renamed(t.primaryKey(), rename) : t.primaryKey(),
            t.strict(),
            t.indexes().stream().map(i -> own ? new Index(i.name(), i.table(),
                renamed(i.columns(), rename), i.unique(), i.where()) : i).toList(),
            t.foreignKeys().stream().map(fk -> new ForeignKey(
                own ? renamed(fk.columns(), rename) : fk.columns(), fk.targetTable(),
                same(fk.targetTable(), rename.table())
                    ? renamed(fk.targetColumns(), rename) : fk.targetColumns(),
                fk.onDelete(), fk.onUpdate())).toList()));
      }
      result = new Schema(tables);
    }
    return result;
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
