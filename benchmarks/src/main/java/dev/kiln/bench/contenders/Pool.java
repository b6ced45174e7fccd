package dev.kiln.bench.contenders;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pool of every contender except Kiln (which has its own): HikariCP over
 * sqlite-jdbc with the PRAGMAs Kiln sets — WAL, {@code synchronous=NORMAL}, foreign keys, a 5 s
 * busy timeout, a 16 MiB page cache, {@code temp_store=MEMORY}, a 256 MiB {@code mmap_size} —
 * passed as driver properties ({@link SQLiteConfig}) so that sqlite-jdbc applies every one of them
 * on every connection. As many connections as Kiln has readers (the number of cores, at least 2),
 * kept for the whole run; writes go through the same pool, as users of these tools run them.
 */
public final class Pool {

  private Pool() {}

  /** The same as Kiln's default read pool size. */
  public static int size() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  public static HikariDataSource open(Path file, String name) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(5000);
    config.setCacheSize(-16000);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "268435456");
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName(name);
    hikari.setDataSource(sqlite);
    hikari.setMaximumPoolSize(size());
    hikari.setMinimumIdle(size());
    hikari.setMaxLifetime(0);
    hikari.setIdleTimeout(0);
    hikari.setKeepaliveTime(0);
    hikari.setAutoCommit(true);
    return new HikariDataSource(hikari);
  }

  /**
   * The pool of hand-written JDBC on PostgreSQL: as many connections, every statement a
   * server-side prepared one from its first use ({@code prepareThreshold=1}), and every
   * transaction {@code REPEATABLE READ} by the connection's session default, as Kiln's are.
   */
  public static HikariDataSource openPostgres(String url, String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(size());
    config.setMinimumIdle(size());
    config.setAutoCommit(true);
    config.addDataSourceProperty("prepareThreshold", "1");
    config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
    return new HikariDataSource(config);
  }
}
