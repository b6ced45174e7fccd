package dev.kiln.migrations.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A database schema: the tables of an application with their columns, keys, indexes and foreign
 * keys.
 *
 * <p>One model serves three jobs: the annotation processor builds it from the entities and diffs
 * it with the schema that existing migrations produce; the processor verifies SQL against it; and
 * the runtime compares the live database with it at start-up. Tables are kept sorted by name so
 * that two schemas with the same content are equal and render the same SQL.
 *
 * @param tables the tables, sorted by name
 */
public record Schema(List<Table> tables) {

  public Schema {
    tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
  }

  /**
   * This schema with only the indexes {@code keep} accepts: how a comparison leaves alone the
   * indexes Kiln does not manage.
   */
  public Schema withIndexes(java.util.function.Predicate<Index> keep) {
    return new Schema(tables.stream().map(t -> new Table(t.name(), t.columns(), t.primaryKey(),
        t.strict(), t.indexes().stream().filter(keep).toList(), t.foreignKeys())).toList());
  }

  /** Returns the table with this name, compared case-insensitively as SQLite does. */
  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * The tables a write to {@code written} may change: those, plus every table whose foreign key
   * acts on a change to one of them ({@code ON DELETE CASCADE}, {@code SET NULL} …), and so on
   * transitively. A cache of rows of these tables is stale after such a write.
   */
  public java.util.Set<String> affectedBy(java.util.Collection<String> written) {
    java.util.Set<String> affected = new java.util.LinkedHashSet<>(written);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Table table : tables) {
        for (ForeignKey fk : table.foreignKeys()) {
          boolean acts = !"NO ACTION".equals(fk.onDelete()) || !"NO ACTION".equals(fk.onUpdate());
          if (acts && affected.contains(fk.targetTable()) && affected.add(table.name())) {
            grew = true;
          }
        }
      }
    }
    return affected;
  }

  /**
   * Returns the tables in an order in which each can be created after the tables its foreign keys
   * reference (self-references and cycles keep their name order; SQLite does not check references
   * at creation time, so any order is valid, this one is just the readable one).
   */
  public List<Table> tablesInDependencyOrder() {
    var ordered = new java.util.LinkedHashMap<String, Table>();
    for (Table table : tables) {
      addAfterReferences(table, ordered, new java.util.HashSet<>());
    }
    return List.copyOf(ordered.values());
  }

  private void addAfterReferences(
      Table table, java.util.Map<String, Table> ordered, java.util.Set<String> visiting) {
    if (ordered.containsKey(table.name()) || !visiting.add(table.name())) {
      return;
    }
    for (ForeignKey fk : table.foreignKeys()) {
      table(fk.targetTable()).ifPresent(target -> addAfterReferences(target, ordered, visiting));
    }
    ordered.put(table.name(), table);
  }
}
