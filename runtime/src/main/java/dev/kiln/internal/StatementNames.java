package dev.kiln.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the statements the build saw, read from every {@code META-INF/kiln/queries.txt}
 * on the class path (the processor writes one per module: {@code ## AuthorRepository.findById}
 * then its SQL); a statement built at run time is named after the table it reads.
 */
final class StatementNames {

  private static final String FILE = "META-INF/kiln/queries.txt";
  private static final Pattern TABLE =
      Pattern.compile("\\b(?:FROM|UPDATE|INTO)\\s+\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> bySql;

  private StatementNames(Map<String, String> bySql) {
    this.bySql = bySql;
  }

  /** No names known: every statement is named after its table. */
  static StatementNames none() {
    return new StatementNames(Map.of());
  }

  static StatementNames load(ClassLoader loader) {
    Map<String, String> bySql = new HashMap<>();
    try {
      Enumeration<URL> files = loader.getResources(FILE);
      while (files.hasMoreElements()) {
        read(files.nextElement(), bySql);
      }
    } catch (IOException e) {
      // no names: statements are named after their tables
    }
    return new StatementNames(bySql);
  }

  private static void read(URL file, Map<String, String> bySql) throws IOException {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
      String name = null;
      StringBuilder sql = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("## ")) {
          put(name, sql, bySql);
          name = line.substring(3).trim();
        } else if (name != null && !line.isEmpty() && !line.startsWith("    ")) {
          sql.append(sql.length() == 0 ? "" : "\n").append(line);
        }
      }
      put(name, sql, bySql);
    }
  }

  /** PostgreSQL's statement of a method is listed as {@code Owner.method (postgresql)}. */
  private static final String POSTGRESQL_SUFFIX = " (postgresql)";

  private static void put(String name, StringBuilder sql, Map<String, String> bySql) {
    if (name != null && sql.length() > 0) {
      bySql.putIfAbsent(sql.toString(), name.endsWith(POSTGRESQL_SUFFIX)
          ? name.substring(0, name.length() - POSTGRESQL_SUFFIX.length()) : name);
    }
    sql.setLength(0);
  }

  /** The statement's name: as the build named it, or {@code <table> <verb>}. */
  String of(String sql) {
    String name = bySql.get(sql);
    if (name != null) {
      return name;
    }
    Matcher m = TABLE.matcher(sql);
    String verb = sql.strip().split("\\s", 2)[0].toLowerCase(java.util.Locale.ROOT);
    return (m.find() ? m.group(1) + " " : "") + (verb.equals("select") ? "query" : verb);
  }
}
