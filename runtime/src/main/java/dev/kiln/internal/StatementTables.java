package dev.kiln.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a statement Kiln wrote at run time reads (a typed query, a fetch plan's
 * statements): every quoted name after {@code FROM} or {@code JOIN}, subqueries included. Kiln
 * quotes every table it writes, so nothing else matches.
 */
public final class StatementTables {

  private static final Pattern TABLE =
      Pattern.compile("\\b(?:FROM|JOIN)\\s+\"((?:[^\"]|\"\")+)\"", Pattern.CASE_INSENSITIVE);

  /** Statements seen, with their tables: typed queries repeat a few shapes. */
  private static final Map<String, Set<String>> READ = new ConcurrentHashMap<>();
  /** Beyond this many shapes, tables are found anew each time rather than kept. */
  private static final int KEPT = 10_000;

  private StatementTables() {}

  /** The tables {@code sql} reads, unmodifiable; remembered for the statements seen most. */
  public static Set<String> read(String sql) {
    Set<String> tables = READ.get(sql);
    if (tables == null) {
      tables = Set.copyOf(of(sql));
      if (READ.size() < KEPT) {
        READ.put(sql, tables);
      }
    }
    return tables;
  }

  /** Adds the tables {@code sql} reads to {@code tables}; returns {@code tables}. */
  public static Set<String> addTo(Set<String> tables, String sql) {
    Matcher m = TABLE.matcher(sql);
    while (m.find()) {
      tables.add(m.group(1).replace("\"\"", "\""));
    }
    return tables;
  }

  /** The tables {@code sql} reads. */
  public static Set<String> of(String sql) {
    return addTo(new LinkedHashSet<>(), sql);
  }
}
