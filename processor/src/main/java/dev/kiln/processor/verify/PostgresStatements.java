package dev.kiln.processor.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;

/**
 * Every statement the application runs on PostgreSQL, by the method that runs it, written to
 * {@code META-INF/kiln/postgresql.properties}. The build has no PostgreSQL server to verify them
 * with, so {@code Database.migrate()} prepares each on the live database and refuses to start,
 * naming the method, when PostgreSQL rejects one.
 */
public final class PostgresStatements {

  /** Must equal the runtime's resource name, which reads it. */
  public static final String PATH = "META-INF/kiln/postgresql.properties";

  private final Map<String, String> statements = new TreeMap<>();

  /** Records {@code sql}, run on PostgreSQL by {@code method} (as {@code Repo.findById}). */
  public void add(String method, String sql) {
    statements.put(method, sql);
  }

  /** Writes the file; call once, when processing is over. */
  public void write(Filer filer) {
    if (statements.isEmpty()) {
      return;
    }
    try (Writer out = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH)
        .openWriter()) {
      // Properties sorts nothing; write the sorted map through it line by line instead, so the
      // file is reproducible.
      for (Map.Entry<String, String> entry : statements.entrySet()) {
        Properties one = new Properties();
        one.setProperty(entry.getKey(), entry.getValue());
        java.io.StringWriter line = new java.io.StringWriter();
        one.store(line, null);
        // store() begins with a date comment: keep the entry only
        for (String text : line.toString().split("\n")) {
          if (!text.startsWith("#")) {
            out.write(text + "\n");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
