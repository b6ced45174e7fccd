package dev.kiln.migrations.plan;

import dev.kiln.migrations.schema.Column;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.schema.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SQLite's query plan for the table scans an index would avoid: a table read in full
 * ({@code SCAN t}) by a statement that filters ({@code WHERE}), a table scanned inside a join, and
 * a join SQLite could only run by building an automatic index. A plain {@code SELECT … FROM t}
 * without a filter is expected to scan and is not reported.
 */
public final class PlanCheck {

  /**
   * A table the statement scans, and the column an index should start with, when one can be told.
   *
   * @param table the scanned table
   * @param column the filtered column to index, or null
   * @param planLine the plan line that shows the scan
   */
  public record Scan(String table, String column, String planLine) {}

  private static final Pattern TABLE_REFERENCE = Pattern.compile(
      "(?i)\\b(?:FROM|JOIN)\\s+\"?([A-Za-z_][A-Za-z0-9_]*)\"?"
          + "(?:\\s+(?:AS\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?)?");
  private static final Pattern SCAN = Pattern.compile("^SCAN (\\S+)$");
  private static final Pattern AUTOMATIC = Pattern.compile("^SEARCH (\\S+) USING AUTOMATIC");
  /** The keywords as words, whatever whitespace surrounds them (a text block has newlines). */
  private static final Pattern WHERE = Pattern.compile("(?i)\\bWHERE\\b");
  private static final Pattern WHERE_OR_ON = Pattern.compile("(?i)\\b(?:WHERE|ON)\\b");
  private static final Set<String> KEYWORDS = Set.of("WHERE", "JOIN", "LEFT", "RIGHT", "INNER",
      "OUTER", "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION",
      "EXCEPT", "INTERSECT", "WINDOW", "SET", "VALUES", "RETURNING", "FULL");

  private final Schema schema;

  public PlanCheck(Schema schema) {
    this.schema = schema;
  }

  /** The scans in {@code plan}, the plan of {@code statement}. */
  public List<Scan> scans(String statement, List<String> plan) {
    String sql = SqlText.withoutLiteralsAndComments(statement);
    Map<String, String> tables = aliases(sql);
    boolean filtered = WHERE.matcher(sql).find();
    Map<String, Scan> found = new LinkedHashMap<>();
    boolean firstLoop = true;
    for (String raw : plan) {
      String line = raw.trim();
      Matcher scan = SCAN.matcher(line);
      Matcher automatic = AUTOMATIC.matcher(line);
      boolean isScan = scan.matches();
      boolean isAutomatic = automatic.find();
      String name = isScan ? scan.group(1) : isAutomatic ? automatic.group(1) : null;
      boolean loop = line.startsWith("SCAN ") || line.startsWith("SEARCH ");
      if (name != null) {
        String table = tables.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        boolean real = schema.table(table).isPresent();
        if (real && (isAutomatic || filtered || !firstLoop)) {
          found.putIfAbsent(table, new Scan(table, filteredColumn(sql, table, name), line));
        }
      }
      if (loop) {
        firstLoop = false;
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Alias (lower case) → table name, for every {@code FROM}/{@code JOIN} of {@code sql}. */
  private static Map<String, String> aliases(String sql) {
    Map<String, String> aliases = new HashMap<>();
    Matcher m = TABLE_REFERENCE.matcher(sql);
    while (m.find()) {
      String table = m.group(1);
      aliases.put(table.toLowerCase(Locale.ROOT), table);
      String alias = m.group(2);
      if (alias != null && !KEYWORDS.contains(alias.toUpperCase(Locale.ROOT))) {
        aliases.put(alias.toLowerCase(Locale.ROOT), table);
      }
    }
    return aliases;
  }

  /**
   * The first column of {@code table} that the statement compares after WHERE or ON and that no
   * index starts with: a column an index already leads with is not what made SQLite scan.
   */
  private String filteredColumn(String sql, String table, String alias) {
    Optional<Table> model = schema.table(table);
    if (model.isEmpty()) {
      return null;
    }
    // From the first of them: a join's ON comes before the WHERE and may be what scans.
    Matcher where = WHERE_OR_ON.matcher(sql);
    if (!where.find()) {
      return null;
    }
    String condition = sql.substring(where.start());
    int best = Integer.MAX_VALUE;
    String chosen = null;
    for (Column column : model.get().columns()) {
      if (leadsAnIndex(model.get(), column.name())) {
        continue;
      }
      Pattern use = Pattern.compile("(?i)(?:\\b" + Pattern.quote(alias) + "\\.|[\\s(])\"?"
          + Pattern.quote(column.name())
          + "\"?\\s*(?:=|<|>|!=|<>|\\bIN\\b|\\bLIKE\\b|\\bBETWEEN\\b|\\bIS\\b|\\bGLOB\\b)");
      Matcher m = use.matcher(condition);
      if (m.find() && m.start() < best) {
        best = m.start();
        chosen = column.name();
      }
    }
    return chosen;
  }

  private static boolean leadsAnIndex(Table table, String column) {
    return !table.primaryKey().isEmpty() && table.primaryKey().get(0).equalsIgnoreCase(column)
        || table.indexes().stream().anyMatch(index -> index.columns().get(0)
            .equalsIgnoreCase(column));
  }
}
