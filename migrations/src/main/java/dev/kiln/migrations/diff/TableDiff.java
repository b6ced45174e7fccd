package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.ForeignKey;
import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.SqliteDdl;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares one table as it is with the table as it must become, and decides whether
 * {@code ALTER TABLE … ADD COLUMN} can do it or the table must be rebuilt. Indexes are compared
 * across the schema by {@link SchemaDiff}, since their names are schema-wide.
 */
final class TableDiff {

  /** Indexes SQLite made for a {@code UNIQUE} constraint in {@code CREATE TABLE}. */
  static final String AUTOINDEX = "sqlite_autoindex_";

  private final Table from;
  private final Table to;
  private final List<String> reasons = new ArrayList<>();
  private final Map<String, String> copy = new LinkedHashMap<>();
  private final List<AddColumn> additions = new ArrayList<>();
  private final List<DataLoss> losses = new ArrayList<>();
  private final List<Risk> risks = new ArrayList<>();

  private TableDiff(Table from, Table to) {
    this.from = from;
    this.to = to;
  }

  /** Compares {@code from} with {@code to}, two states of the same table. */
  static TableDiff compare(Table from, Table to) {
    TableDiff diff = new TableDiff(from, to);
    diff.dropped();
    diff.kept();
    diff.tableLevel();
    List<ForeignKey> newKeys = diff.foreignKeys();
    diff.added(newKeys);
    return diff;
  }

  /** Whether only {@code ALTER TABLE} steps are needed (or none). */
  boolean inPlace() {
    return reasons.isEmpty();
  }

  /** The steps: columns added in place, or one rebuild; none when the table is unchanged. */
  List<Change> changes() {
    if (inPlace()) {
      return List.copyOf(additions);
    }
    return List.of(new RebuildTable(from, to, reasons, copy));
  }

  List<DataLoss> losses() {
    return losses;
  }

  List<Risk> risks() {
    return risks;
  }

  private void dropped() {
    for (Column c : from.columns()) {
      if (to.column(c.name()).isEmpty()) {
        reasons.add("drop column " + SqliteDdl.quote(c.name()));
        losses.add(new DataLoss(to.name(), c.name(),
            "column " + to.name() + "." + c.name() + " and every value in it"));
      }
    }
  }

  private void kept() {
    for (Column c : to.columns()) {
      Column old = from.column(c.name()).orElse(null);
      if (old == null) {
        continue;
      }
      String name = SqliteDdl.quote(c.name());
      String value = SqliteDdl.quote(old.name());
      if (old.type() != c.type()) {
        reasons.add("change the type of " + name + " from " + old.type() + " to " + c.type());
        if (!TypeChange.keepsValues(old.type(), c.type())) {
          losses.add(new DataLoss(to.name(), c.name(), "the values of " + to.name() + "."
              + c.name() + " that are not " + c.type() + " (it was " + old.type()
              + "): they would be converted with CAST, which turns them into something else"));
          value = "CAST(" + value + " AS " + c.type() + ")";
        }
      }
      if (old.notNull() != c.notNull()) {
        reasons.add(c.notNull() ? "make " + name + " NOT NULL" : "let " + name + " be NULL");
        if (c.notNull() && c.defaultValue() != null) {
          value = "COALESCE(" + value + ", " + SqliteDdl.defaultExpression(c.defaultValue()) + ")";
        } else if (c.notNull()) {
          risks.add(new Risk(to.name(), c.name(), "becomes NOT NULL and has no default, so the"
              + " rebuild fails on a row that holds NULL in it. Give it a default (rows with NULL"
              + " then get it), or set those rows in a hand-written migration before this one"));
        }
      }
      if (!Objects.equals(trimmed(old.defaultValue()), trimmed(c.defaultValue()))) {
        reasons.add("change the default of " + name);
      }
      copy.put(c.name(), value);
    }
  }

  private void tableLevel() {
    if (!sameNames(from.primaryKey(), to.primaryKey())) {
      reasons.add("change the primary key to (" + SqliteDdl.quoteAll(to.primaryKey()) + ")");
    }
    if (from.strict() != to.strict()) {
      reasons.add(to.strict() ? "make it STRICT" : "make it a table that is not STRICT");
    }
    for (Index index : from.indexes()) {
      if (index.name().startsWith(AUTOINDEX)) {
        reasons.add("replace the UNIQUE constraint on (" + SqliteDdl.quoteAll(index.columns())
            + ") by its index");
      }
    }
  }

  /** Reasons for the removed and changed foreign keys; returns the ones that are new. */
  private List<ForeignKey> foreignKeys() {
    Set<String> wanted = to.foreignKeys().stream().map(TableDiff::key).collect(Collectors.toSet());
    Set<String> present = from.foreignKeys().stream().map(TableDiff::key)
        .collect(Collectors.toSet());
    for (ForeignKey fk : from.foreignKeys()) {
      if (!wanted.contains(key(fk))) {
        reasons.add("drop or change the foreign key (" + SqliteDdl.quoteAll(fk.columns())
            + ") to " + SqliteDdl.quote(fk.targetTable()));
      }
    }
    return to.foreignKeys().stream().filter(fk -> !present.contains(key(fk))).toList();
  }

  private void added(List<ForeignKey> newKeys) {
    List<ForeignKey> unplaced = new ArrayList<>(newKeys);
    for (Column c : to.columns()) {
      if (from.column(c.name()).isPresent()) {
        continue;
      }
      ForeignKey references = newKeys.stream()
          .filter(fk -> fk.columns().size() == 1 && fk.columns().get(0).equalsIgnoreCase(c.name()))
          .findFirst().orElse(null);
      String why = whyNotInPlace(c, references);
      if (why == null) {
        additions.add(new AddColumn(to.name(), c, references));
        unplaced.remove(references);
      } else {
        reasons.add("add column " + SqliteDdl.quote(c.name()) + " (" + why + ")");
      }
      if (c.notNull() && c.defaultValue() == null) {
        risks.add(new Risk(to.name(), c.name(), "is new, NOT NULL and has no default, so SQLite"
            + " has no value for the rows " + to.name() + " already has and the migration fails"
            + " if there are any. Give it @Column(defaultValue = …), or make it nullable"));
      }
    }
    for (ForeignKey fk : unplaced) {
      reasons.add("add the foreign key (" + SqliteDdl.quoteAll(fk.columns()) + ") to "
          + SqliteDdl.quote(fk.targetTable()));
    }
    if (!reasons.isEmpty()) {
      // The rebuild creates the added columns too; nothing is left to ALTER.
      additions.clear();
    }
  }

  /**
   * Why {@code ALTER TABLE ADD COLUMN} cannot add {@code column}, following SQLite's rules, or
   * null when it can.
   */
  private String whyNotInPlace(Column column, ForeignKey references) {
    String dflt = trimmed(column.defaultValue());
    boolean nullDefault = dflt == null || dflt.equalsIgnoreCase("NULL");
    if (to.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(column.name()))) {
      return "a key column";
    }
    if (dflt != null && !SqliteDdl.isConstant(dflt)) {
      return "its default is not a constant";
    }
    if (column.notNull() && nullDefault) {
      return "NOT NULL without a default";
    }
    if (references != null && !nullDefault) {
      return "a foreign key with a default";
    }
    return null;
  }

  private static String key(ForeignKey fk) {
    return (fk.columns() + "→" + fk.targetTable() + fk.targetColumns() + fk.onDelete() + "/"
        + fk.onUpdate()).toLowerCase(Locale.ROOT);
  }

  static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equalsIgnoreCase(b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static String trimmed(String sql) {
    return sql == null ? null : sql.strip();
  }
}
