package dev.kiln.query;

import dev.kiln.KilnException;
import dev.kiln.internal.StatementTables;
import dev.kiln.internal.fetch.FetchPlan;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.RelationInfo;
import dev.kiln.mapping.SqlWork;
import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.spi.Checks;
import dev.kiln.spi.Engine;
import dev.kiln.spi.RepositorySupport;
import dev.kiln.spi.ValueTypes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A typed query over one entity, the base of each generated repository's {@code Query}:
 * {@code where}, {@code orderBy}, {@code limit}, {@code offset} and {@code fetch}, then
 * {@code list()}, {@code first()}, {@code stream()} or {@code count()} — or, with a condition,
 * {@code update(…)} or {@code delete()} of every matching row. A query object is a builder: not
 * thread-safe, reusable after it ran.
 *
 * <p>Rows come in the order asked for, then by primary key, so that pages never overlap or skip.
 *
 * @param <E> the entity
 * @param <Q> the generated query type, returned by the builder methods
 */
public abstract class EntityQuery<E, Q extends EntityQuery<E, Q>> {

  /** The root table's alias in projections, which may join other tables. */
  private static final String ROOT = "t0";

  /** The most shapes of typed query a database keeps the SQL text of; more are laid out. */
  private static final int KEPT_SHAPES = 4096;

  protected final RepositorySupport<E> support;
  private Condition<E> where;
  private final List<Order<E>> orders = new ArrayList<>();
  private final List<Path<E, ?>> fetch = new ArrayList<>();
  private long limit = -1;
  private long offset;
  private boolean everyRow;
  private boolean withDeleted;
  private final List<Selectable<E, ?>> groupBy = new ArrayList<>();
  private Condition<E> having;
  private E after;
  private boolean cached;

  protected EntityQuery(RepositorySupport<E> support) {
    this.support = support;
  }

  protected abstract Q self();

  /** Keeps the rows that match {@code condition}; several calls must all match. */
  public Q where(Condition<E> condition) {
    where = where == null ? condition : where.and(condition);
    return self();
  }

  /** Orders the rows by {@code order}, then by any earlier orders' ties, then by primary key. */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  public final Q orderBy(Order<E>... order) {
    orders.addAll(List.of(order));
    return self();
  }

  /** At most {@code n} rows. */
  public Q limit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + n);
    }
    limit = n;
    return self();
  }

  /** Skips the first {@code n} rows. */
  public Q offset(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + n);
    }
    offset = n;
    return self();
  }

  /**
   * Loads {@code paths} with the root entities: at most one statement for the roots plus one per
   * to-many relation in the paths, all in one snapshot, whatever the number of rows.
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  public final Q fetch(Path<E, ?>... paths) {
    return fetch(List.of(paths));
  }

  /** Loads {@code paths} with the root entities; see {@link #fetch(Path[])}. */
  public Q fetch(List<? extends Path<E, ?>> paths) {
    fetch.addAll(paths);
    return self();
  }

  /**
   * Answers from the database's query cache ({@code DatabaseBuilder.queryCache}) while no write
   * through Kiln to a table the query reads — its own, those of its relation conditions and
   * joins, those {@code fetch} loads — has committed since the result was read. Each caller
   * receives its own list; entities that are records are shared (they and the lists inside
   * them cannot change), entities that are classes are copied for each caller — the roots, not
   * the entities inside a fetched graph, which callers should treat as read-only. Without a
   * query cache, or inside a transaction, the query simply runs.
   */
  public Q cached() {
    cached = true;
    return self();
  }

  /** The matching rows. */
  public List<E> list() {
    return entities(limit);
  }

  /** The first matching row. */
  public Optional<E> first() {
    return entities(1).stream().findFirst();
  }

  private List<E> entities(long rowLimit) {
    if (!fetch.isEmpty()) {
      return fetched(rowLimit);
    }
    SqlWriter sql = select(rowLimit);
    return cachedIf(sql, List.of(), null, () -> support.read("query", conn -> Engine.readAll(
        conn, sql.sql(), ps -> sql.bindTo(ps, 1), rs -> support.mapping().read(rs, 1),
        rowLimit)), this::copies);
  }

  /** A list of copies of {@code entities} that no other caller holds. */
  private List<E> copies(List<E> entities) {
    List<E> copies = new ArrayList<>(entities.size());
    for (E entity : entities) {
      copies.add(support.mapping().copy(entity));
    }
    return copies;
  }

  /**
   * {@code load}'s result through the query cache when {@link #cached()} was called: keyed by
   * the statement, its values and {@code shape} (what else makes the result), dropped by writes
   * to the tables the statement reads and to {@code moreTables}.
   */
  private <T> T cachedIf(SqlWriter sql, Object shape, Set<String> moreTables,
      java.util.function.Supplier<T> load, java.util.function.UnaryOperator<T> copy) {
    if (!cached) {
      return load.get();
    }
    Set<String> tables = StatementTables.read(sql.sql());
    if (moreTables != null) {
      tables = new java.util.HashSet<>(tables);
      tables.addAll(moreTables);
    }
    return support.engine().cached(sql.sql(), tables, List.of(sql.keyValues(), shape), load,
        copy);
  }

  /**
   * The matching rows as a stream, which must be closed. With {@code fetch(…)} the graph is
   * assembled before the stream starts, so the rows are read at once.
   */
  public Stream<E> stream() {
    if (!fetch.isEmpty()) {
      return list().stream();
    }
    SqlWriter sql = select(limit);
    return support.engine().stream(support.info(), sql.sql(), ps -> sql.bindTo(ps, 1),
        rs -> support.mapping().read(rs, 1));
  }

  /** The number of matching rows (within {@code limit} and {@code offset}). */
  public long count() {
    boolean paged = limit >= 0 || offset > 0;
    SqlWriter sql = statement(shape("count", limit), Map.of(), () -> {
      SqlWriter layout = new SqlWriter(support.engine().sql());
      layout.append(paged ? "SELECT count(*) FROM (SELECT 1 FROM " : "SELECT count(*) FROM ")
          .append(support.engine().sql().quote(support.info().table()));
      writeWhere(layout);
      if (paged) {
        writePage(layout, limit);
        layout.append(") AS page");
      }
      return layout;
    }, values -> writeFilterValues(values, limit));
    return cachedIf(sql, List.of(), null, () -> support.read("count", conn -> {
      PreparedStatement ps = conn.prepare(sql.sql());
      sql.bindTo(ps, 1);
      try (ResultSet rs = conn.query(ps)) {
        rs.next();
        return rs.getLong(1);
      }
    }), count -> count);
  }

  /**
   * Starts the rows after {@code lastSeen} in the query's order (its {@code orderBy}, then the
   * key): a keyset page. Pass the last entity of the page before, and page 1,000 costs what page
   * 1 costs, where {@code offset} would read and skip all the rows before it; rows inserted or
   * deleted meanwhile shift nothing. Combine with {@code limit}, not {@code offset}:
   *
   * <pre>{@code
   * List<Track> page = tracks.query().orderBy(Track_.NAME.asc()).limit(100).list();
   * List<Track> next = tracks.query().orderBy(Track_.NAME.asc()).after(page.get(99))
   *     .limit(100).list();
   * }</pre>
   */
  public Q after(E lastSeen) {
    this.after = Objects.requireNonNull(lastSeen, "lastSeen");
    return self();
  }

  /**
   * Groups the rows by {@code items}, for a {@code select} of them with aggregates:
   * {@code books.query().groupBy(Book_.AUTHOR_ID).select(Book_.AUTHOR_ID, Book_.PRICE.sum())}.
   * Groups come ordered by these items after any {@code orderBy}.
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  public final Q groupBy(Selectable<E, ?>... items) {
    groupBy.addAll(List.of(items));
    return self();
  }

  /**
   * Keeps the groups that match {@code condition}, made of aggregates:
   * {@code having(Book_.PRICE.sum().gt(new BigDecimal("100")))}; several calls must all match.
   */
  public Q having(Condition<E> condition) {
    having = having == null ? condition : having.and(condition);
    return self();
  }

  /** Selects one value a row: a column, an aggregate or a column through relations. */
  public <A> Selection.Of1<E, A> select(Selectable<E, A> a) {
    return new Selection.Of1<>(this, a);
  }

  /** Selects two values a row, made into results by {@code into(…)}. */
  public <A, B> Selection.Of2<E, A, B> select(Selectable<E, A> a, Selectable<E, B> b) {
    return new Selection.Of2<>(this, a, b);
  }

  /** Selects three values a row, made into results by {@code into(…)}. */
  public <A, B, C> Selection.Of3<E, A, B, C> select(Selectable<E, A> a, Selectable<E, B> b,
      Selectable<E, C> c) {
    return new Selection.Of3<>(this, a, b, c);
  }

  /** Selects four values a row, made into results by {@code into(…)}. */
  public <A, B, C, D> Selection.Of4<E, A, B, C, D> select(Selectable<E, A> a,
      Selectable<E, B> b, Selectable<E, C> c, Selectable<E, D> d) {
    return new Selection.Of4<>(this, a, b, c, d);
  }

  /** Selects five values a row, made into results by {@code into(…)}. */
  public <A, B, C, D, F> Selection.Of5<E, A, B, C, D, F> select(Selectable<E, A> a,
      Selectable<E, B> b, Selectable<E, C> c, Selectable<E, D> d, Selectable<E, F> f) {
    return new Selection.Of5<>(this, a, b, c, d, f);
  }

  /** The largest value of {@code column} among the matching rows; empty when there is none. */
  public <T extends Comparable<? super T>> Optional<T> max(ComparableColumn<E, T> column) {
    return scalar(column.max());
  }

  /** The smallest value of {@code column} among the matching rows; empty when there is none. */
  public <T extends Comparable<? super T>> Optional<T> min(ComparableColumn<E, T> column) {
    return scalar(column.min());
  }

  /** The exact sum of {@code column} over the matching rows; zero when there is none. */
  public BigDecimal sum(Summable<E, ?> column) {
    return scalar(column.sum()).orElse(BigDecimal.ZERO);
  }

  /** The average of {@code column} over the matching rows, to 15 significant digits. */
  public Optional<BigDecimal> avg(Summable<E, ?> column) {
    return scalar(column.avg());
  }

  /** The number of distinct non-null values of {@code column} among the matching rows. */
  public long countDistinct(Column<E, ?> column) {
    return scalar(column.countDistinct()).orElse(0L);
  }

  private <T> Optional<T> scalar(Aggregate<E, T> aggregate) {
    return select(aggregate).first();
  }

  /**
   * The rows of a projection: {@code SELECT items FROM table t0 [LEFT JOIN …] WHERE …
   * GROUP BY …
   * HAVING … ORDER BY … LIMIT … OFFSET …}, each made into a result by {@code mapper}.
   */
  <R> List<R> project(List<Selectable<E, ?>> items, Selection.RowMapper<R> mapper,
      boolean firstOnly) {
    return project(items, mapper, firstOnly ? 1 : limit, fold(items));
  }

  /** The fold that adds up {@code items} in Java, or null where SQL aggregates them. */
  private GroupFold<E> fold(List<Selectable<E, ?>> items) {
    return GroupFold.of(support.engine().sql(), items, groupBy, having, orders);
  }

  private <R> List<R> project(List<Selectable<E, ?>> items, Selection.RowMapper<R> mapper,
      long rowLimit, GroupFold<E> fold) {
    SqlWriter sql = projection(items, fold, rowLimit);
    if (!cached && fold == null) {
      return support.read("query", conn -> Engine.readAll(conn, sql.sql(),
          ps -> sql.bindTo(ps, 1), mapper, rowLimit));
    }
    // The cache keeps the values, which are immutable; each caller gets its own results. A
    // fold's page is not in its SQL, so it is part of the key.
    java.util.function.Supplier<List<Object[]>> load = fold == null
        ? () -> support.read("query", conn -> Engine.readAll(conn, sql.sql(),
            ps -> sql.bindTo(ps, 1), rs -> readValues(items, rs), rowLimit))
        : () -> support.read("query", conn -> fold.read(conn, sql, rowLimit, offset));
    List<Object[]> rows = cachedIf(sql, fold == null ? List.of() : List.of(rowLimit, offset),
        null, load, values -> values);
    List<R> results = new ArrayList<>(rows.size());
    for (Object[] values : rows) {
      results.add(mapper.map(cached ? values.clone() : values));
    }
    return results;
  }

  <R> Stream<R> streamProjection(List<Selectable<E, ?>> items, Selection.RowMapper<R> mapper) {
    GroupFold<E> fold = fold(items);
    if (fold != null) {
      return project(items, mapper, limit, fold).stream(); // a row a group: read all at once
    }
    SqlWriter sql = projection(items, null, limit);
    return support.engine().stream(support.info(), sql.sql(), ps -> sql.bindTo(ps, 1),
        mapper);
  }

  /** The values of the row {@code rs} is on, one per item, for the query cache to keep. */
  private static <E> Object[] readValues(List<Selectable<E, ?>> items, ResultSet rs)
      throws java.sql.SQLException {
    Object[] values = new Object[items.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = items.get(i).type().read(rs, i + 1);
    }
    return values;
  }

  /**
   * The SQL of selecting {@code items}; with a {@code fold}, of the rows the fold adds up: its
   * columns, ungrouped, in the order that brings each group's rows together, every row.
   */
  private SqlWriter projection(List<Selectable<E, ?>> items, GroupFold<E> fold, long rowLimit) {
    Shape shape = shape("project", rowLimit).items(items).add(fold != null);
    Map<String, String> aliases = Map.of(support.info().table(), ROOT);
    return statement(shape, aliases, () -> layOutProjection(items, fold, rowLimit, aliases),
        values -> {
          writeWhere(values);
          if (having != null) {
            having.writeTo(values);
          }
          if (fold == null) {
            writePage(values, rowLimit);
          }
        });
  }

  /** {@link #projection}'s SQL, laid out. */
  private SqlWriter layOutProjection(List<Selectable<E, ?>> items, GroupFold<E> fold,
      long rowLimit, Map<String, String> aliases) {
    String entity = support.info().entity();
    if (!fetch.isEmpty()) {
      throw new KilnException("select(…) on " + entity + " reads values, not entities: remove"
          + " fetch(…), or select the entities with list()");
    }
    boolean grouped = !groupBy.isEmpty();
    for (Selectable<E, ?> item : items) {
      grouped |= item.aggregate();
    }
    if (after != null) {
      throw new KilnException("after(…) on " + entity + " continues a list of entities; a"
          + " projection pages with limit and offset");
    }
    if (having != null && groupBy.isEmpty()) {
      throw new KilnException("having(…) on " + entity + " filters groups: add groupBy(…)");
    }
    if (grouped) {
      List<Selectable<E, ?>> plain = new ArrayList<>(items);
      orders.forEach(order -> plain.add(order.item()));
      for (Selectable<E, ?> item : plain) {
        if (!item.aggregate() && !groupBy.contains(item)) {
          throw new KilnException("select(…) on " + entity + " groups its rows, so " + item
              + " must be in groupBy(…) or inside an aggregate");
        }
      }
    }
    SqlDialect dialect = support.engine().sql();
    String table = support.info().table();
    SqlWriter sql = new SqlWriter(dialect, aliases);
    List<String> selected = expressions(fold == null ? items : fold.columns(), sql);
    List<String> groups = expressions(groupBy, sql);
    List<String> orderTerms = new ArrayList<>();
    boolean total = false;
    for (Order<E> order : orders) {
      orderTerms.add(dialect.orderBy(order.item().ordering(), order.item().expression(sql),
          order.descending(), order.item().nullable()));
      total |= Keyset.tellsRowsApart(support.info(), order.item());
    }
    if (!groupBy.isEmpty()) {
      for (Selectable<E, ?> item : groupBy) {
        orderTerms.add(dialect.orderBy(item.ordering(), item.expression(sql), false,
            item.nullable()));
      }
    } else if (!grouped && !total) {
      // An order by a unique column needs no tie-break, and PostgreSQL, which cannot tell
      // that a unique index makes one redundant, would sort each page's rows for it.
      for (String key : support.info().keyColumns()) {
        if (!Keyset.ordersBy(support.info(), orders, key)) {
          orderTerms.add(sql.qualified(table, key));
        }
      }
    }
    sql.append("SELECT ").append(String.join(", ", selected)).append(" FROM ")
        .append(dialect.quote(table)).append(" ").append(ROOT).append(sql.joins(ROOT));
    writeWhere(sql);
    if (!groups.isEmpty() && fold == null) {
      sql.append(" GROUP BY ").append(String.join(", ", groups));
    }
    if (having != null) {
      sql.append(" HAVING ");
      having.writeTo(sql);
    }
    if (!orderTerms.isEmpty()) {
      sql.append(" ORDER BY ").append(String.join(", ", orderTerms));
    }
    if (fold == null) {
      writePage(sql, rowLimit);
    }
    return sql;
  }

  /** The SQL expression of each of {@code items}, in order. */
  private static <E> List<String> expressions(List<Selectable<E, ?>> items, SqlWriter sql) {
    List<String> expressions = new ArrayList<>(items.size());
    for (Selectable<E, ?> item : items) {
      expressions.add(item.expression(sql));
    }
    return expressions;
  }

  /**
   * Reads (and updates) rows marked deleted too, for an entity with {@code @SoftDelete}; without
   * it, a typed query sees live rows only. Changes nothing for other entities.
   */
  public Q withDeleted() {
    withDeleted = true;
    return self();
  }

  /**
   * Says that {@link #update} or {@link #delete} without a {@code where} is meant to change every
   * row: without it, they refuse, since a forgotten condition would.
   */
  public Q everyRow() {
    everyRow = true;
    return self();
  }

  /**
   * Changes the matching rows as {@code assignments} say, in one {@code UPDATE} statement, and
   * returns how many rows it changed: {@code books.query().where(Book_.AUTHOR_ID.eq(7))
   * .update(Book_.PRICE.multiply(new BigDecimal("1.10")))}. A {@code @Version} column is
   * incremented too, so that a stale copy of a changed row fails its next update, and an
   * {@code @UpdatedAt} one set to now unless an assignment sets it. Values are
   * checked as the repository checks them, before any SQL runs; cached entities of the table
   * are evicted once the change commits.
   *
   * @throws KilnException without a condition unless {@link #everyRow()} was called, and with
   *     {@code orderBy}, {@code limit}, {@code offset} or {@code fetch}, which an update ignores
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array is only read into an immutable list
  public final long update(Assignment<E>... assignments) {
    List<Assignment<E>> sets = List.of(assignments);
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("update(…) needs at least one assignment");
    }
    requireBulkShape("update");
    EntityInfo info = support.info();
    boolean keyChanged = false;
    for (Assignment<E> set : sets) {
      String property = set.column().property();
      Checks.storableValue(set.value(), info.entity(), property, support.dialect());
      if (set.column().name().equalsIgnoreCase(info.versionColumn())) {
        throw new KilnException("update(…) cannot set " + info.entity() + "." + property
            + ": Kiln increments the @Version property itself");
      }
      keyChanged |= info.keyColumns().stream().anyMatch(set.column().name()::equalsIgnoreCase);
    }
    SqlDialect dialect = support.engine().sql();
    SqlWriter sql = new SqlWriter(dialect);
    sql.append("UPDATE ").append(dialect.quote(info.table())).append(" SET ");
    for (int i = 0; i < sets.size(); i++) {
      sql.append(i == 0 ? "" : ", ");
      sets.get(i).writeTo(sql);
    }
    if (info.versionColumn() != null) {
      String version = dialect.quote(info.versionColumn());
      sql.append(", ").append(version).append(" = ").append(version).append(" + 1");
    }
    if (info.updatedAtColumn() != null && sets.stream()
        .noneMatch(set -> set.column().name().equalsIgnoreCase(info.updatedAtColumn()))) {
      sql.append(", ").append(dialect.quote(info.updatedAtColumn())).append(" = ")
          .bind("?", ValueTypes.INSTANT, support.now());
    }
    writeWhere(sql);
    boolean cascades = keyChanged;
    return support.write("update", conn -> {
      PreparedStatement ps = conn.prepare(sql.sql());
      sql.bindTo(ps, 1);
      int changed = conn.update(ps);
      if (cascades) {
        support.evictAffected();
      } else {
        support.evictAll();
      }
      return (long) changed;
    });
  }

  /**
   * Deletes the matching rows in one {@code DELETE} statement and returns how many it deleted;
   * for an entity with {@code @SoftDelete}, marks the live ones deleted instead.
   * Foreign keys' {@code ON DELETE} actions run as they do for any delete; cached entities of the
   * table, and of the tables those actions reach, are evicted once the delete commits.
   *
   * @throws KilnException without a condition unless {@link #everyRow()} was called, and with
   *     {@code orderBy}, {@code limit}, {@code offset} or {@code fetch}, which a delete ignores
   */
  public long delete() {
    requireBulkShape("delete");
    SqlDialect dialect = support.engine().sql();
    SqlWriter sql = new SqlWriter(dialect);
    EntityInfo info = support.info();
    if (info.softDeleteColumn() != null) {
      // Marks the live rows deleted, as the repository's delete does.
      String mark = dialect.quote(info.softDeleteColumn());
      sql.append("UPDATE ").append(dialect.quote(info.table())).append(" SET ").append(mark);
      if (info.softDeleteTime()) {
        sql.append(" = ").bind("?", ValueTypes.INSTANT, support.now());
      } else {
        sql.append(" = TRUE");
      }
      if (info.versionColumn() != null) {
        String version = dialect.quote(info.versionColumn());
        sql.append(", ").append(version).append(" = ").append(version).append(" + 1");
      }
      writeWhere(sql, false); // rows already marked keep their time
    } else {
      sql.append("DELETE FROM ").append(dialect.quote(info.table()));
      writeWhere(sql);
    }
    return support.write("delete", conn -> {
      PreparedStatement ps = conn.prepare(sql.sql());
      sql.bindTo(ps, 1);
      int deleted = conn.update(ps);
      support.evictAffected();
      return (long) deleted;
    });
  }

  private void requireBulkShape(String what) {
    String entity = support.info().entity();
    if (where == null && !everyRow) {
      throw new KilnException(what + "() on " + entity + " has no where(…): it would change"
          + " every row. Add the condition, or call everyRow() first if every row is meant");
    }
    if (!orders.isEmpty() || limit >= 0 || offset > 0 || !fetch.isEmpty() || after != null) {
      throw new KilnException(what + "() on " + entity + " changes every matching row: remove"
          + " orderBy, limit, offset, after and fetch, which it would ignore");
    }
  }

  /** {@code SELECT … FROM table WHERE … ORDER BY … LIMIT … OFFSET …}. */
  protected SqlWriter select(long rowLimit) {
    return statement(shape("select", rowLimit), Map.of(), () -> {
      SqlWriter sql = new SqlWriter(support.engine().sql());
      sql.append("SELECT ").append(support.selectList()).append(" FROM ")
          .append(support.engine().sql().quote(support.info().table()));
      writeFilterOrderPage(sql, rowLimit);
      return sql;
    }, values -> writeFilterValues(values, rowLimit));
  }

  private List<E> fetched(long rowLimit) {
    List<List<RelationInfo<?, ?>>> paths = new ArrayList<>(fetch.size());
    for (Path<E, ?> path : fetch) {
      paths.add(path.steps());
    }
    FetchPlan plan = support.engine().fetchPlans().plan(support.mapping(), paths);
    Map<String, String> aliases = Map.of(support.info().table(), FetchPlan.rootAlias());
    SqlWriter sql = statement(shape("fetch", rowLimit), aliases, () -> {
      SqlWriter layout = new SqlWriter(support.engine().sql(), aliases);
      layout.append(plan.rootSelect());
      writeFilterOrderPage(layout, rowLimit);
      return layout;
    }, values -> writeFilterValues(values, rowLimit));
    SqlWork<List<E>> work = conn -> {
      PreparedStatement ps = conn.prepare(sql.sql());
      sql.bindTo(ps, 1);
      return plan.run(conn, ps);
    };
    // Several statements read in one transaction, to see one snapshot; on PostgreSQL that costs
    // a round trip (REPEATABLE READ), which one statement does not need.
    return cachedIf(sql, paths, plan.tables(), () -> plan.oneStatement()
        ? support.read("fetch", work)
        : support.engine().readSnapshot(support.info(), "fetch", work), this::copies);
  }

  private void writeFilterOrderPage(SqlWriter sql, long rowLimit) {
    if (!groupBy.isEmpty() || having != null) {
      throw new KilnException("groupBy(…) and having(…) on " + support.info().entity()
          + " make groups, not entities: select(…) the groups' values");
    }
    writeWhere(sql);
    sql.append(" ORDER BY ");
    String separator = "";
    boolean total = false;
    for (Order<E> order : orders) {
      if (order.item().aggregate() || order.item().path() != null) {
        throw new KilnException("a list of " + support.info().entity() + " entities is ordered"
            + " by their own columns, not by " + order.item() + "; select(…) the values to"
            + " order by that");
      }
      sql.append(separator);
      order.writeTo(sql);
      separator = ", ";
      total |= Keyset.tellsRowsApart(support.info(), order.item());
    }
    // After a column that tells rows apart a tie-break by key decides nothing, and PostgreSQL,
    // which cannot tell that its unique index makes one redundant, would sort each page for it.
    if (!total) {
      for (String key : support.info().keyColumns()) {
        if (!Keyset.ordersBy(support.info(), orders, key)) {
          sql.append(separator).column(support.info().table(), key);
          separator = ", ";
        }
      }
    }
    writePage(sql, rowLimit);
  }

  /**
   * The values {@link #writeFilterOrderPage} (and {@link #count}) bind, in their order: the
   * filter's, the page's.
   */
  private void writeFilterValues(SqlWriter values, long rowLimit) {
    writeWhere(values);
    writePage(values, rowLimit);
  }

  /**
   * The shape of this query as {@code kind} reads it with {@code rowLimit}: everything of the
   * builder that its SQL text depends on. A keyset ({@code after}) makes it unknown.
   */
  private Shape shape(String kind, long rowLimit) {
    Shape shape = new Shape(support.engine().sql(), kind).add(support.mapping())
        .condition(where).add(withDeleted)
        .add(rowLimit >= 0 || offset > 0).items(groupBy).condition(having).add(orders.size());
    for (Order<E> order : orders) {
      shape.item(order.item()).add(order.descending());
    }
    shape.add(fetch.size());
    for (Path<E, ?> path : fetch) {
      shape.add(path.steps());
    }
    if (after != null) {
      shape.unknown();
    }
    return shape;
  }

  /**
   * The statement of this query: laid out by {@code layout} the first time its {@code shape}
   * is seen, and after that the text kept for the shape, with the values {@code values} gathers
   * by the same methods that bind them as the layout writes, in the same order. With assertions
   * on (as in Kiln's tests), each reuse is checked against a new layout.
   */
  private SqlWriter statement(Shape shape, Map<String, String> aliases,
      Supplier<SqlWriter> layout, Consumer<SqlWriter> values) {
    Object key = shape.key();
    if (key == null) {
      return layout.get();
    }
    Map<Object, String> texts = support.engine().queryTexts();
    String text = texts.get(key);
    if (text == null) {
      SqlWriter sql = layout.get();
      if (texts.size() < KEPT_SHAPES) {
        texts.putIfAbsent(key, sql.sql());
      }
      return sql;
    }
    SqlWriter sql = SqlWriter.forValues(support.engine().sql(), aliases, text);
    values.accept(sql);
    assert sameStatement(sql, layout.get());
    return sql;
  }

  private static boolean sameStatement(SqlWriter kept, SqlWriter laidOut) {
    if (!kept.sql().equals(laidOut.sql()) || !kept.keyValues().equals(laidOut.keyValues())) {
      throw new AssertionError("a typed query's kept statement differs from its layout:\n"
          + kept.sql() + " " + kept.keyValues() + "\n" + laidOut.sql() + " "
          + laidOut.keyValues());
    }
    return true;
  }

  private void writeWhere(SqlWriter sql) {
    writeWhere(sql, withDeleted);
  }

  /** {@code WHERE} the query's conditions, the keyset's, and unless {@code deletedToo} live. */
  private void writeWhere(SqlWriter sql, boolean deletedToo) {
    Condition<E> filter = where;
    EntityInfo info = support.info();
    if (info.softDeleteColumn() != null && !deletedToo) {
      Condition<E> live = w -> w.append(info.live(c -> w.qualified(info.table(), c)));
      filter = filter == null ? live : live.and(filter);
    }
    if (after != null) {
      Condition<E> keyset = Keyset.after(support.mapping(), orders, after);
      filter = filter == null ? keyset : filter.and(keyset);
    }
    if (filter != null) {
      sql.append(" WHERE ");
      filter.writeTo(sql);
    }
  }

  private void writePage(SqlWriter sql, long rowLimit) {
    if (rowLimit >= 0 || offset > 0) {
      // Bound, so that every page of a query shares one cached statement. No limit is the
      // largest one: SQLite's -1 is an error on PostgreSQL.
      sql.append(" LIMIT ").bind("?", ValueTypes.LONG, rowLimit < 0 ? Long.MAX_VALUE : rowLimit)
          .append(" OFFSET ").bind("?", ValueTypes.LONG, offset);
    }
  }
}
