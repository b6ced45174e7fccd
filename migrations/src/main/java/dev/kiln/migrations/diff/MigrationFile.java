package dev.kiln.migrations.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a plan as a migration file: its name, {@code V<n>__<summary>.sql}, and its content, a
 * header followed by each step's comment and statements, one statement per paragraph, each ending
 * with a semicolon. Nothing depends on the time or the machine, so a build is reproducible.
 */
public final class MigrationFile {

  private static final String WRITTEN_BY_KILN = "Written by Kiln's annotation processor";

  /** Whether {@code sql} is the content of a file Kiln wrote, by the header it writes. */
  public static boolean isWrittenByKiln(String sql) {
    return sql.contains("-- " + WRITTEN_BY_KILN);
  }

  /** The longest summary a file name gets, so that names stay readable in a listing. */
  static final int MAX_SUMMARY = 72;

  /** The width comments are wrapped at. */
  private static final int WIDTH = 100;

  private MigrationFile() {}

  /** {@code V<version>__<summary>.sql}. */
  public static String name(int version, MigrationPlan plan) {
    return "V" + version + "__" + summary(plan) + ".sql";
  }

  /**
   * The summary of a plan's steps in lower_snake: steps with the same verb are grouped
   * ({@code create_table_author_and_book}), groups are joined with {@code _and_}, and a summary
   * that would grow beyond {@value #MAX_SUMMARY} characters ends with {@code _and_more}.
   */
  public static String summary(MigrationPlan plan) {
    Map<String, List<String>> byVerb = new LinkedHashMap<>();
    for (Change change : plan.changes()) {
      if (!change.verb().isEmpty()) {
        byVerb.computeIfAbsent(change.verb(), v -> new ArrayList<>()).add(snake(change.object()));
      }
    }
    List<String> parts = new ArrayList<>();
    byVerb.forEach((verb, objects) -> {
      for (int i = 0; i < objects.size(); i++) {
        parts.add(i == 0 ? verb + "_" + objects.get(0) : objects.get(i));
      }
    });
    StringBuilder summary = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      String next = (i == 0 ? "" : "_and_") + parts.get(i);
      boolean last = i == parts.size() - 1;
      int room = MAX_SUMMARY - (last ? 0 : "_and_more".length());
      if (summary.length() + next.length() > room) {
        if (summary.length() == 0) {
          summary.append(next, 0, Math.min(next.length(), MAX_SUMMARY));
        } else {
          summary.append("_and_more");
        }
        break;
      }
      summary.append(next);
    }
    String result = summary.toString().replaceAll("_+$", "");
    return result.isEmpty() ? "schema" : result;
  }

  /**
   * The content of the file.
   *
   * @param fileName the file's name, repeated in the header
   * @param basis what the plan starts from, for the header, such as {@code V1 to V3}
   */
  public static String render(String fileName, String basis, MigrationPlan plan) {
    return render(fileName, basis, plan, "Kiln runs it in one transaction, with foreign keys off,"
        + " and runs PRAGMA foreign_key_check before it commits.");
  }

  /** A PostgreSQL migration file's content (see {@link #render(String, String, MigrationPlan)}). */
  public static String renderForPostgres(String fileName, String basis, MigrationPlan plan) {
    return render(fileName, basis, plan, "Kiln runs it in one transaction, which PostgreSQL's"
        + " transactional DDL rolls back whole if any statement fails.");
  }

  private static String render(String fileName, String basis, MigrationPlan plan, String how) {
    StringBuilder sql = new StringBuilder();
    comment(sql, fileName);
    comment(sql, WRITTEN_BY_KILN + ": the changes that take the schema of "
        + basis + " to the schema of the entities. Review it and commit it with the entity"
        + " change. Until it has been applied to a database you may delete it and build again;"
        + " after that, never edit it (its checksum is recorded) but write the next change in a"
        + " new file. " + how);
    for (Risk risk : plan.risks()) {
      sql.append("--\n");
      comment(sql, "Warning: " + risk.table() + "." + risk.column() + " " + risk.problem() + ".");
    }
    for (Change change : plan.changes()) {
      sql.append('\n');
      for (String line : change.comment()) {
        comment(sql, line);
      }
      for (int i = 0; i < change.statements().size(); i++) {
        if (i > 0) {
          sql.append('\n');
        }
        sql.append(change.statements().get(i)).append(";\n");
      }
    }
    return sql.toString();
  }

  /** Appends {@code text} as {@code --} lines of at most {@value #WIDTH} characters. */
  private static void comment(StringBuilder sql, String text) {
    StringBuilder line = new StringBuilder("--");
    for (String word : text.split(" ")) {
      if (line.length() > 2 && line.length() + 1 + word.length() > WIDTH) {
        sql.append(line).append('\n');
        line.setLength(0);
        line.append("--");
      }
      line.append(' ').append(word);
    }
    sql.append(line).append('\n');
  }

  private static String snake(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return s.replaceAll("^_+|_+$", "");
  }
}
