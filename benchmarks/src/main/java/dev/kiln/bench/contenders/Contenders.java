package dev.kiln.bench.contenders;

import dev.kiln.bench.contenders.hibernate.HibernateContender;
import dev.kiln.bench.contenders.mybatis.MyBatisContender;
import dev.kiln.bench.data.DataSet;
import dev.kiln.bench.data.PostgresDataSet;
import java.nio.file.Path;

/** The contenders by the names the benchmarks' {@code contender} parameter takes. */
public final class Contenders {

  /** Hand-written JDBC done well: the baseline every ratio is taken to. */
  public static final String JDBC = "jdbc";
  public static final String JDBC_JOIN = "jdbc-join";
  public static final String JDBC_RANGE = "jdbc-range";
  public static final String JDBC_NAIVE = "jdbc-naive";
  /** Hand-written JDBC done well that returns the new rows' keys, as Kiln's insertAll does. */
  public static final String JDBC_KEYS = "jdbc-keys";
  public static final String KILN = "kiln";
  public static final String KILN_CACHED = "kiln-cached";
  /** Kiln with the query cache: typed queries marked {@code cached()}. */
  public static final String KILN_QUERY_CACHED = "kiln-querycache";
  /** Kiln without per-statement statistics, to show their cost. */
  public static final String KILN_NO_STATS = "kiln-nostats";
  /** Kiln inserting with {@code bulkInsert}, which reads no key back, as {@code jdbc} does not. */
  public static final String KILN_BULK = "kiln-bulk";
  public static final String HIBERNATE = "hibernate";
  public static final String JOOQ = "jooq";
  public static final String JDBI = "jdbi";
  public static final String MYBATIS = "mybatis";
  /** Hand-written JDBC done well on PostgreSQL: the baseline of the PostgreSQL ratios. */
  public static final String JDBC_PG = "jdbc-pg";
  /** Hand-written JDBC on PostgreSQL that returns the new rows' keys, as Kiln's insertAll does. */
  public static final String JDBC_KEYS_PG = "jdbc-keys-pg";
  public static final String KILN_PG = "kiln-pg";
  public static final String KILN_BULK_PG = "kiln-bulk-pg";

  private Contenders() {}

  /** Whether {@code name} runs on PostgreSQL rather than on a SQLite file. */
  public static boolean onPostgres(String name) {
    return name.endsWith("-pg");
  }

  /**
   * {@code name} on a fresh copy of the data set: a SQLite file in {@code dir}, or a new
   * PostgreSQL database for the PostgreSQL contenders.
   */
  public static Contender<Object, Object> openFresh(String name, Path dir) {
    return onPostgres(name) ? openOnPostgres(name, PostgresDataSet.copy())
        : open(name, DataSet.copyTo(dir));
  }

  /** The PostgreSQL contender {@code name} on the database at {@code url}. */
  @SuppressWarnings("unchecked")
  public static Contender<Object, Object> openOnPostgres(String name, String url) {
    Contender<?, ?> contender = switch (name) {
      case JDBC_PG -> new PostgresJdbcContender(url, false);
      case JDBC_KEYS_PG -> new PostgresJdbcContender(url, true);
      case KILN_PG -> new KilnContender(kilnOnPostgres(url), KilnContender.Mode.PLAIN);
      case KILN_BULK_PG -> new KilnContender(kilnOnPostgres(url), KilnContender.Mode.BULK_INSERT);
      default -> throw new IllegalArgumentException("no PostgreSQL contender named " + name);
    };
    return (Contender<Object, Object>) contender;
  }

  /** Kiln on PostgreSQL with as many connections as hand-written JDBC's pool there. */
  private static dev.kiln.DatabaseBuilder kilnOnPostgres(String url) {
    return dev.kiln.Database.builder(url).poolSize(Pool.size());
  }

  @SuppressWarnings("unchecked")
  public static Contender<Object, Object> open(String name, Path file) {
    Contender<?, ?> contender = switch (name) {
      case JDBC -> new JdbcContender(file, JdbcContender.Style.WELL);
      case JDBC_JOIN -> new JdbcContender(file, JdbcContender.Style.WELL_JOIN);
      case JDBC_RANGE -> new JdbcContender(file, JdbcContender.Style.WELL_RANGE);
      case JDBC_NAIVE -> new JdbcContender(file, JdbcContender.Style.NAIVE);
      case JDBC_KEYS -> new JdbcContender(file, JdbcContender.Style.WELL_KEYS);
      case KILN -> new KilnContender(file, KilnContender.Mode.PLAIN);
      case KILN_CACHED -> new KilnContender(file, KilnContender.Mode.ENTITY_CACHE);
      case KILN_QUERY_CACHED -> new KilnContender(file, KilnContender.Mode.QUERY_CACHE);
      case KILN_NO_STATS -> new KilnContender(file, KilnContender.Mode.NO_STATISTICS);
      case KILN_BULK -> new KilnContender(file, KilnContender.Mode.BULK_INSERT);
      case HIBERNATE -> new HibernateContender(file);
      case JOOQ -> new JooqContender(file);
      case JDBI -> new JdbiContender(file);
      case MYBATIS -> new MyBatisContender(file);
      default -> throw new IllegalArgumentException("no contender named " + name);
    };
    return (Contender<Object, Object>) contender;
  }
}
