package dev.kiln.internal.postgresql;

import dev.kiln.internal.Connections;
import dev.kiln.internal.Lease;
import dev.kiln.migrations.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Prepares every statement the application runs on PostgreSQL (listed by the processor in
 * {@code META-INF/kiln/postgresql.properties}, by method) on the live database, so that SQL
 * PostgreSQL rejects stops the application at start-up, naming the method, rather than at its
 * first call. The build verifies SQL against SQLite only; this is PostgreSQL's turn.
 *
 * <p>Implementation notes: the driver sends a statement to the server only to run it, or to
 * describe its parameters, which is what is asked for here: PostgreSQL parses and plans it, and
 * nothing runs. Each statement is described in auto-commit mode, so that one rejected statement
 * does not abort the check of the next. A collection's marker is given one element.
 */
final class PostgresStatementCheck {

  static final String RESOURCE = "META-INF/kiln/postgresql.properties";

  private PostgresStatementCheck() {}

  static void verify(Connections connections, ClassLoader loader) {
    Map<String, String> statements = statements(loader);
    if (statements.isEmpty()) {
      return;
    }
    List<String> rejected = new ArrayList<>();
    try (Lease lease = connections.writer()) {
      for (Map.Entry<String, String> statement : statements.entrySet()) {
        String sql = statement.getValue()
            .replaceAll("/\\*(list|array)( [a-z ]+)?\\*/\\?", "?");
        try (PreparedStatement ps = lease.session().prepareUncached(sql)) {
          ps.getParameterMetaData();
        } catch (SQLException e) {
          String detail = PostgresErrors.INSTANCE.detail(e).replace("\n", " ");
          rejected.add(statement.getKey() + ": " + detail + "\n      " + statement.getValue());
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("cannot check the application's statements on PostgreSQL: "
          + PostgresErrors.INSTANCE.detail(e), e);
    }
    if (!rejected.isEmpty()) {
      throw new MigrationException("PostgreSQL rejects " + rejected.size() + " of the"
          + " application's statements; give each @Sql method PostgreSQL's own text with"
          + " @Sql(value = …, postgresql = …):\n  " + String.join("\n  ", rejected));
    }
  }

  /** Every listed statement, by method, from every jar of the application. */
  private static Map<String, String> statements(ClassLoader loader) {
    Map<String, String> statements = new TreeMap<>();
    try {
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
          properties.load(in);
        }
        properties.forEach((method, sql) -> statements.put((String) method, (String) sql));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return statements;
  }
}
