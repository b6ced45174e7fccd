package dev.kiln.migrations.schema;

import dev.kiln.migrations.script.Migration;
import dev.kiln.migrations.script.ScriptRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.sqlite.JDBC;

/**
 * A private in-memory SQLite database in which migrations or DDL are replayed so that the schema
 * they produce can be read back with {@link SchemaReader} (Prisma's "shadow database", here inside
 * javac or at start-up). Reading the schema back, rather than trusting the model it was rendered
 * from, means both sides of a comparison come out of SQLite in the same form.
 *
 * <p>The connection is made through the driver class directly, not {@code DriverManager}, which
 * does not see drivers loaded by an annotation processor's class loader.
 */
public final class ShadowDatabase implements AutoCloseable {

  private final Connection connection;

  private ShadowDatabase(Connection connection) {
    this.connection = connection;
  }

  /** Opens an empty shadow database. */
  public static ShadowDatabase open() throws SQLException {
    Connection connection = JDBC.createConnection("jdbc:sqlite::memory:", new Properties());
    // Kiln's generated queries call its decimal functions: statements are verified with them.
    DecimalFunctions.register(connection);
    TextFunctions.register(connection);
    return new ShadowDatabase(connection);
  }

  /** The schema {@code statements} create on an empty database. */
  public static Schema schemaOf(List<String> statements) throws SQLException {
    try (ShadowDatabase shadow = open()) {
      shadow.execute(statements);
      return shadow.schema();
    }
  }

  /** The connection, for reading what the replay produced. */
  public Connection connection() {
    return connection;
  }

  /** Runs each statement. */
  public void execute(List<String> statements) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String sql : statements) {
        st.execute(sql);
      }
    }
  }

  /**
   * Runs a migration as the migrator would, statement by statement.
   *
   * @throws dev.kiln.migrations.script.ScriptException naming the statement that failed
   */
  public void replay(Migration migration) {
    ScriptRunner.run(connection, migration);
  }

  /** The schema as it stands, leaving out {@code ignoredTables}. */
  public Schema schema(String... ignoredTables) throws SQLException {
    return SchemaReader.read(connection, ignoredTables);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
