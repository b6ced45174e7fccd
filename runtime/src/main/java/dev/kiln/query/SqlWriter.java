package dev.kiln.query;

import dev.kiln.mapping.RelationInfo;
import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.spi.ValueType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Collects the SQL of a typed query and the values it binds, in order. Values never enter the SQL
 * text: each becomes a {@code ?} and is bound later through its column's {@link ValueType}.
 *
 * <p>A writer made {@link #forValues for the values} of a statement whose text is already known
 * keeps no text: it gathers the values the same code binds, in the same order.
 */
public final class SqlWriter {

  // Room for a typical typed query's SQL, which then is not copied as it grows; none when the
  // text is known.
  private final StringBuilder sql;
  private final String text;
  private String laidOut;
  // Sized for a typical query's few values, not ArrayList's first ten.
  private final List<Object> values = new ArrayList<>(4);
  private final List<ValueType<Object>> types = new ArrayList<>(4);
  private final Map<String, String> aliases;
  private final SqlDialect dialect;
  private int subqueries;
  // Made on the first path joined: most queries join nothing.
  private Map<List<RelationInfo<?, ?>>, String> joins = Map.of();

  /** A writer for {@code dialect} whose column references are unqualified (one table). */
  public SqlWriter(SqlDialect dialect) {
    this(dialect, Map.of());
  }

  /** A writer that qualifies the columns of each table with the alias given for it. */
  public SqlWriter(SqlDialect dialect, Map<String, String> aliases) {
    this.dialect = dialect;
    this.aliases = aliases;
    this.sql = new StringBuilder(256);
    this.text = null;
  }

  private SqlWriter(SqlDialect dialect, Map<String, String> aliases, String text) {
    this.dialect = dialect;
    this.aliases = aliases;
    this.sql = null;
    this.text = text;
  }

  /**
   * A writer that gathers the values of a statement whose SQL is {@code text}, laid out before
   * with {@code aliases}: what is appended is dropped, what is bound is kept.
   */
  static SqlWriter forValues(SqlDialect dialect, Map<String, String> aliases, String text) {
    return new SqlWriter(dialect, aliases, text);
  }

  /** How the engine this statement is for says what conditions mean. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** Appends SQL text. */
  public SqlWriter append(String text) {
    if (sql != null) {
      sql.append(text);
    }
    return this;
  }

  /** Appends {@code column} of {@code table}, qualified where the table has an alias. */
  public SqlWriter column(String table, String column) {
    return sql == null ? this : append(qualified(table, column));
  }

  /**
   * A reference to {@code column} of {@code table}, qualified where the table has an alias; inside
   * a subquery never, since there a column is one of the table the subquery reads.
   */
  public String qualified(String table, String column) {
    String alias = subqueries > 0 ? null : aliases.get(table);
    return alias == null ? dialect.quote(column) : alias + '.' + dialect.quote(column);
  }

  /**
   * Appends {@code expression} and records {@code value} for each {@code ?} in it: an expression
   * such as an exact decimal comparison ({@code Ordering.compare}) may use its parameter more than
   * once.
   */
  public <T> SqlWriter bind(String expression, ValueType<T> type, T value) {
    return bindEach(expression, type, use -> value);
  }


  /**
   * The alias of the table at the end of {@code path}, joined to the query's root as
   * {@link #joins()} writes it: one alias per distinct path.
   */
  String joined(Path<?, ?> path) {
    if (joins.isEmpty()) {
      joins = new LinkedHashMap<>();
    }
    return joins.computeIfAbsent(path.steps(), steps -> "j" + (joins.size() + 1));
  }

  /**
   * The {@code LEFT JOIN}s of every path {@link #joined} named, from the root's alias
   * {@code rootAlias}: each step from the alias of the path before it.
   */
  String joins(String rootAlias) {
    if (joins.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    Map<List<RelationInfo<?, ?>>, String> written = new HashMap<>();
    for (List<RelationInfo<?, ?>> path : List.copyOf(joins.keySet())) {
      String from = rootAlias;
      for (int i = 1; i <= path.size(); i++) {
        List<RelationInfo<?, ?>> prefix = path.subList(0, i);
        String alias = written.get(prefix);
        if (alias == null) {
          alias = joins.computeIfAbsent(List.copyOf(prefix), p -> "j" + (joins.size() + 1));
          RelationInfo<?, ?> step = prefix.get(i - 1);
          out.append(" LEFT JOIN ").append(dialect.quote(step.target().info().table()))
              .append(' ').append(alias).append(" ON ").append(alias).append('.')
              .append(dialect.quote(step.targetColumn())).append(" = ").append(from).append('.')
              .append(dialect.quote(step.sourceColumn()));
          written.put(List.copyOf(prefix), alias);
        }
        from = alias;
      }
    }
    return out.toString();
  }

  /** Whether anything written so far reaches through relations, which the query must join. */
  boolean hasJoins() {
    return !joins.isEmpty();
  }

  /** Columns written from now on until {@link #exitSubquery()} are those of a subquery's table. */
  void enterSubquery() {
    subqueries++;
  }

  void exitSubquery() {
    subqueries--;
  }

  /**
   * Appends {@code expression} and records, for its {@code ?} number {@code use} (from 0), the
   * value {@code valueAt} gives: where one expression binds different values.
   */
  @SuppressWarnings("unchecked")
  <T> SqlWriter bindEach(String expression, ValueType<T> type, IntFunction<T> valueAt) {
    append(expression);
    int use = 0;
    for (int i = 0; i < expression.length(); i++) {
      if (expression.charAt(i) == '?') {
        values.add(valueAt.apply(use++));
        types.add((ValueType<Object>) type);
      }
    }
    return this;
  }

  /** The SQL written so far; for a writer {@link #forValues}, the text it was made with. */
  public String sql() {
    if (sql == null) {
      return text;
    }
    // Once, not for each caller (the statement, its cache, its statistics): anything appended
    // since makes the text longer.
    if (laidOut == null || laidOut.length() != sql.length()) {
      laidOut = sql.toString();
    }
    return laidOut;
  }

  /**
   * The recorded values as part of a cache key: equal when the same values would be bound
   * (arrays by content, collections copied).
   */
  List<Object> keyValues() {
    List<Object> key = new ArrayList<>(values.size());
    for (Object value : values) {
      key.add(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes)
          : value instanceof java.util.Collection<?> c ? new ArrayList<>(c) : value);
    }
    return key;
  }

  /** Binds the recorded values to {@code ps}, starting at parameter {@code first}. */
  public int bindTo(PreparedStatement ps, int first) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      types.get(i).bind(ps, first + i, values.get(i));
    }
    return first + values.size();
  }
}
