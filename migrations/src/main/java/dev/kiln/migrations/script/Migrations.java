package dev.kiln.migrations.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds migration files: in a folder (the processor's {@code -Akiln.migrations} folder) or on the
 * class path (the application at run time), and checks that their versions form a sequence.
 *
 * <p>Every {@code .sql} file of the location must be a well-named migration: a misspelt name
 * ({@code V3_add_bio.sql}) would otherwise be skipped without a word. Other files (a README) are
 * ignored, and so are sub-folders.
 */
public final class Migrations {

  /** Where migrations live on the class path, and under {@code src/main/resources}. */
  public static final String DEFAULT_LOCATION = "db/kiln";

  /** Where the class path holds PostgreSQL's migrations, beside SQLite's. */
  public static final String POSTGRESQL_LOCATION = DEFAULT_LOCATION + "/postgresql";

  private Migrations() {}

  /** The migrations in {@code folder}, sorted by version; none when it does not exist. */
  public static List<Migration> fromDirectory(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Migration> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && Migration.isScript(name)) {
          found.add(migration(name, Files.readString(file, StandardCharsets.UTF_8),
              file.toString()));
        }
      }
    } catch (IOException e) {
      throw new ScriptException("cannot read the migrations in " + folder + ": " + e, e);
    }
    return sorted(found);
  }

  /**
   * The migrations under {@code location} (such as {@code db/kiln}) in every directory and jar of
   * {@code loader}'s class path, sorted by version. The same file found twice (same name, same
   * content) counts once: builds may put a migration both among the resources and in the
   * compiler's output.
   */
  public static List<Migration> fromClasspath(ClassLoader loader, String location) {
    String folder = location.replaceAll("^/+|/+$", "");
    List<Migration> found = new ArrayList<>();
    try {
      Set<String> seen = new LinkedHashSet<>();
      Enumeration<URL> urls = loader.getResources(folder);
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        if (seen.add(url.toString())) {
          found.addAll(at(url));
        }
      }
    } catch (IOException e) {
      throw new ScriptException("cannot list the migrations in " + folder
          + " on the class path: " + e, e);
    }
    Map<String, Migration> distinct = new LinkedHashMap<>();
    for (Migration m : found) {
      distinct.putIfAbsent(m.script() + "\u0000" + m.checksum(), m);
    }
    return sorted(new ArrayList<>(distinct.values()));
  }

  /**
   * Checks that {@code migrations} (sorted) have distinct versions without gaps between them.
   *
   * @throws ScriptException naming the duplicate or missing version and what to do
   */
  public static void checkSequence(List<Migration> migrations) {
    for (int i = 1; i < migrations.size(); i++) {
      Migration before = migrations.get(i - 1);
      Migration m = migrations.get(i);
      if (m.version() == before.version()) {
        throw new ScriptException("two migrations have version " + m.version() + ": "
            + before.location() + " and " + m.location() + ". Each version must be used once:"
            + " give the one that has not been applied anywhere yet the next free version, V"
            + (migrations.get(migrations.size() - 1).version() + 1));
      }
      if (m.version() != before.version() + 1) {
        throw new ScriptException("no migration has version " + (before.version() + 1)
            + ", between " + before.script() + " and " + m.script() + " (" + m.location()
            + "). Versions run without gaps: restore the missing file, or renumber the files"
            + " after it if none of them has been applied anywhere yet");
      }
    }
  }

  private static List<Migration> at(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    if (connection instanceof JarURLConnection jar) {
      return inJar(jar);
    }
    if ("file".equals(url.getProtocol())) {
      try {
        return fromDirectory(Path.of(url.toURI()));
      } catch (URISyntaxException e) {
        throw new IOException("not a file URL: " + url, e);
      }
    }
    throw new ScriptException("cannot list the migrations at " + url + ": only directories"
        + " and jars can be listed; pass the migrations to Migrator.Builder.migrations(...)"
        + " instead");
  }

  private static List<Migration> inJar(JarURLConnection connection) throws IOException {
    connection.setUseCaches(false);
    String prefix = connection.getEntryName().replaceAll("/+$", "") + "/";
    List<Migration> found = new ArrayList<>();
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : jar.stream().toList()) {
        String rest = entry.getName().substring(Math.min(prefix.length(),
            entry.getName().length()));
        if (entry.isDirectory() || !entry.getName().startsWith(prefix) || rest.contains("/")
            || !Migration.isScript(rest)) {
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          found.add(migration(rest, new String(in.readAllBytes(), StandardCharsets.UTF_8),
              connection.getJarFileURL() + "!/" + entry.getName()));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return found;
  }

  private static Migration migration(String name, String sql, String location) {
    try {
      return Migration.of(name, sql, location);
    } catch (IllegalArgumentException e) {
      throw new ScriptException(e.getMessage(), e);
    }
  }

  private static List<Migration> sorted(List<Migration> migrations) {
    return migrations.stream()
        .sorted(Comparator.comparingInt(Migration::version).thenComparing(Migration::location))
        .toList();
  }
}
