package dev.kiln.processor.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Every statement Kiln generated or verified, with SQLite's plan for it, written to
 * {@code META-INF/kiln/queries.txt} so that a code review sees what a change does to the SQL.
 * Sorted by owner and name so that the file is reproducible.
 */
public final class QueryLog {

  static final String PATH = "META-INF/kiln/queries.txt";

  private final Map<String, String> entries = new TreeMap<>();

  /** Records {@code sql} of {@code owner}, such as {@code AuthorRepository.findById}. */
  public void add(String owner, String sql, List<String> plan) {
    StringBuilder entry = new StringBuilder(sql).append('\n');
    for (String line : plan) {
      entry.append("    ").append(line).append('\n');
    }
    entries.put(owner, entry.toString());
  }

  /** Adds a line about the statement of {@code owner}, after its plan. */
  public void note(String owner, String line) {
    entries.computeIfPresent(owner, (o, entry) -> entry + "    (" + line + ")\n");
  }

  /** Writes the file; call once, when processing is over. */
  public void write(Filer filer) {
    if (entries.isEmpty()) {
      return;
    }
    try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH)
        .openWriter()) {
      out.write("# Every statement Kiln generated or verified, with SQLite's query plan.\n\n");
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        out.write("## " + entry.getKey() + "\n" + entry.getValue() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
