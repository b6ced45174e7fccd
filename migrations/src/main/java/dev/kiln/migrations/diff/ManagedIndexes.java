package dev.kiln.migrations.diff;

import dev.kiln.migrations.schema.Index;
import dev.kiln.migrations.schema.Schema;
import dev.kiln.migrations.script.Migration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indexes Kiln manages: those the entities declare, and those a migration Kiln wrote once
 * created (an {@code @Index} since removed is still Kiln's to drop). Every other index was
 * written by hand — plain, {@code DESC}, {@code COLLATE}, on an expression or partial — and Kiln
 * leaves it alone: it is never dropped, and a table rebuild re-creates it.
 */
public final class ManagedIndexes {

  private static final Pattern CREATE_INDEX = Pattern.compile(
      "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"((?:[^\"]|\"\")+)\"",
      Pattern.CASE_INSENSITIVE);

  private final Set<String> names;

  private ManagedIndexes(Set<String> names) {
    this.names = names;
  }

  /** The indexes {@code declared} holds and Kiln's own files among {@code migrations} create. */
  public static ManagedIndexes of(Schema declared, List<Migration> migrations) {
    Set<String> names = new HashSet<>();
    declared.tables().forEach(t -> t.indexes().forEach(i -> names.add(key(i.name()))));
    for (Migration migration : migrations) {
      if (!MigrationFile.isWrittenByKiln(migration.sql())) {
        continue;
      }
      // A Kiln file is a series of steps, each a comment and its statements, separated by blank
      // lines. The step that re-creates hand-written objects after a rebuild creates indexes
      // that stay hand-written.
      boolean recreating = false;
      for (String block : migration.sql().split("\n\n")) {
        if (block.startsWith("--")) {
          recreating = block.startsWith(RecreateDependents.COMMENT_START);
        }
        if (recreating) {
          continue;
        }
        Matcher m = CREATE_INDEX.matcher(block);
        while (m.find()) {
          names.add(key(m.group(1).replace("\"\"", "\"")));
        }
      }
    }
    return new ManagedIndexes(names);
  }

  /** Whether Kiln manages the index of this name. */
  public boolean manages(String name) {
    return name.startsWith(TableDiff.AUTOINDEX) || names.contains(key(name));
  }

  /** Whether Kiln manages {@code index}. */
  public boolean manages(Index index) {
    return manages(index.name());
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
