package dev.kiln.internal.sqlite;

import dev.kiln.KilnException;
import dev.kiln.internal.Telemetry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;

/**
 * Opens Kiln's physical connections with their PRAGMAs set.
 *
 * <p>Implementation notes: PRAGMAs that sqlite-jdbc knows travel as driver properties, which it
 * applies one by one when it opens the connection. Hikari's {@code connectionInitSql} is not used:
 * it runs as one statement and sqlite-jdbc would apply only its first PRAGMA. Any other PRAGMA a
 * user sets is run as its own statement right after opening. This class is also the
 * {@link DataSource} the read pool draws from, so readers get exactly the same settings plus
 * {@code query_only}, which makes an accidental write on a reader fail loudly.
 */
public final class ConnectionFactory implements DataSource {

  private static final String PREFIX = "jdbc:sqlite:";
  private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);

  /** Kiln's defaults; {@code DatabaseBuilder.pragma} overrides them by name. */
  public static Map<String, String> defaultPragmas() {
    Map<String, String> pragmas = new LinkedHashMap<>();
    pragmas.put("journal_mode", "WAL");
    pragmas.put("synchronous", "NORMAL");
    pragmas.put("foreign_keys", "ON");
    pragmas.put("busy_timeout", "5000");
    pragmas.put("cache_size", "-16000");
    pragmas.put("temp_store", "MEMORY");
    pragmas.put("mmap_size", "268435456");
    return pragmas;
  }

  private final String url;
  private final String file;
  private final Map<String, String> pragmas;
  private final Properties driverProperties = new Properties();
  private final Map<String, String> otherPragmas = new LinkedHashMap<>();
  private final Telemetry telemetry;
  private final int statementCacheSize;
  private final boolean readOnly;

  public ConnectionFactory(String url, Map<String, String> pragmas, Telemetry telemetry,
      int statementCacheSize) {
    this(url, pragmas, telemetry, statementCacheSize, false);
  }

  private ConnectionFactory(String url, Map<String, String> pragmas, Telemetry telemetry,
      int statementCacheSize, boolean readOnly) {
    if (!url.startsWith(PREFIX)) {
      throw new KilnException("Kiln runs on SQLite: the JDBC URL must start with '" + PREFIX
          + "', got '" + url + "'");
    }
    this.url = url;
    this.file = url.substring(PREFIX.length());
    this.pragmas = new LinkedHashMap<>(pragmas);
    this.telemetry = telemetry;
    this.statementCacheSize = statementCacheSize;
    this.readOnly = readOnly;
    SQLiteConfig config = new SQLiteConfig();
    pragmas.forEach((name, value) -> {
      checkPragma(name, value);
      SQLiteConfig.Pragma known = knownPragma(name);
      if (known == null) {
        otherPragmas.put(name, value);
      } else {
        config.setPragma(known, value);
      }
    });
    driverProperties.putAll(config.toProperties());
    if (readOnly) {
      otherPragmas.put("query_only", "1");
    }
  }

  /** The same settings for the read pool's connections, which may not write. */
  public ConnectionFactory forReaders() {
    return new ConnectionFactory(url, pragmas, telemetry, statementCacheSize, true);
  }

  /** Whether the URL names an in-memory database, which only one connection can see. */
  public boolean inMemory() {
    return file.isEmpty() || file.startsWith(":memory:") || file.contains("mode=memory");
  }

  /** The database file, or null for an in-memory database. */
  public java.nio.file.Path path() {
    if (inMemory()) {
      return null;
    }
    String name = file.startsWith("file:") ? file.substring("file:".length()) : file;
    int query = name.indexOf('?');
    return java.nio.file.Path.of(query < 0 ? name : name.substring(0, query)).toAbsolutePath();
  }

  /** The JDBC URL. */
  public String url() {
    return url;
  }

  /** Opens a new physical connection. */
  public KilnConnection open() throws SQLException {
    // Opening applies journal_mode, which needs the file to itself for a moment: another
    // process opening or writing it at the same time answers SQLITE_BUSY, which passes.
    KilnConnection connection = SqliteBusy.retry(
        () -> new KilnConnection(url, file, driverProperties, telemetry, statementCacheSize),
        OPEN_TIMEOUT, "open " + url);
    try {
      for (Map.Entry<String, String> pragma : otherPragmas.entrySet()) {
        connection.execute("PRAGMA " + pragma.getKey() + " = " + pragma.getValue());
      }
      connection.readEncoding();
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static SQLiteConfig.Pragma knownPragma(String name) {
    for (SQLiteConfig.Pragma pragma : SQLiteConfig.Pragma.values()) {
      if (pragma.getPragmaName().equalsIgnoreCase(name)) {
        return pragma;
      }
    }
    return null;
  }

  /**
   * PRAGMA names and values cannot be bound as parameters, so they are checked to be a plain word
   * or number before they reach SQL.
   */
  private static void checkPragma(String name, String value) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || !value.matches("[-+]?[A-Za-z0-9_.]+")) {
      throw new KilnException("PRAGMA " + name + " = " + value + ": a PRAGMA name must be a word"
          + " and its value a word or number (for example pragma(\"cache_size\", \"-32000\"))");
    }
  }

  // ---- DataSource, for the read pool --------------------------------------------------------

  @Override
  public Connection getConnection() throws SQLException {
    return open();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return open();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  /** Opening a local file takes milliseconds; the pool waits this long for one on shutdown. */
  @Override
  public int getLoginTimeout() {
    return 5;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper for " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
