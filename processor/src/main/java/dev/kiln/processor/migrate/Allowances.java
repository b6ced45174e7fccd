package dev.kiln.processor.migrate;

import dev.kiln.migrations.diff.DataLoss;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The data losses a build may write into a migration, named in {@code -Akiln.allowDestructive}:
 * a table ({@code note}) allows dropping it, a column ({@code book.isbn}) allows dropping it or
 * narrowing its type. Naming each loss, rather than one switch for all, means an allowance given
 * for one change cannot let another slip through.
 */
final class Allowances {

  private final Set<String> names;
  private final Set<String> used = new LinkedHashSet<>();

  Allowances(String option) {
    this.names = option == null ? Set.of() : Arrays.stream(option.split(","))
        .map(String::strip).filter(s -> !s.isEmpty())
        .map(s -> s.toLowerCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Whether {@code loss} is allowed; remembers the allowance as used. */
  boolean allows(DataLoss loss) {
    String key = loss.allowKey().toLowerCase(Locale.ROOT);
    if (names.contains(key)) {
      used.add(key);
      return true;
    }
    return false;
  }

  /** The names no loss of this build needed. */
  Set<String> unused() {
    Set<String> unused = new LinkedHashSet<>(names);
    unused.removeAll(used);
    return unused;
  }
}
