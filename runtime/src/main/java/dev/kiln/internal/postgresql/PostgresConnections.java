package dev.kiln.internal.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kiln.Dialect;
import dev.kiln.KilnException;
import dev.kiln.internal.Connections;
import dev.kiln.internal.Lease;
import dev.kiln.internal.Telemetry;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL's connections: a HikariCP pool to the primary, from which writes and transactions
 * borrow, and reads too.
 *
 * <p>Implementation notes: unlike SQLite, PostgreSQL takes writes from many connections at once
 * and orders them itself, so there is no in-process writer lock; a write waits at most the write
 * timeout for a pooled connection. The driver is asked to keep server-side prepared statements
 * from the first use ({@code prepareThreshold=1}) unless the URL says otherwise.
 */
public final class PostgresConnections implements Connections {

  private static final String DRIVER = "org.postgresql.Driver";

  private final HikariDataSource primary;
  private final Telemetry telemetry;
  private final Duration writeTimeout;

  public PostgresConnections(String url, int poolSize, Duration writeTimeout,
      Telemetry telemetry) {
    requireDriver();
    this.telemetry = telemetry;
    this.writeTimeout = writeTimeout;
    HikariConfig config = new HikariConfig();
    config.setPoolName("kiln-postgresql");
    config.setDriverClassName(DRIVER);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setConnectionTimeout(Math.max(250, writeTimeout.toMillis()));
    if (!url.contains("prepareThreshold")) {
      config.addDataSourceProperty("prepareThreshold", "1");
    }
    try {
      this.primary = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new KilnException("cannot open " + redacted(url) + ": " + rootMessage(e), e);
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  public Lease writer() throws SQLException {
    return new PostgresSession(primary.getConnection(), telemetry);
  }

  @Override
  public Lease reader() throws SQLException {
    return new PostgresSession(primary.getConnection(), telemetry);
  }

  @Override
  public boolean hasReaders() {
    return true;
  }

  @Override
  public Duration writeTimeout() {
    return writeTimeout;
  }

  @Override
  public void close() {
    primary.close();
  }

  private static void requireDriver() {
    try {
      Class.forName(DRIVER);
    } catch (ClassNotFoundException e) {
      throw new KilnException("a jdbc:postgresql: URL needs PostgreSQL's JDBC driver on the class"
          + " path: add the dependency org.postgresql:postgresql", e);
    }
  }

  /** The URL without a password, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
