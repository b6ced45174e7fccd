package dev.kiln.internal.fetch;

import dev.kiln.KilnException;
import dev.kiln.internal.KeyLists;
import dev.kiln.internal.StatementTables;
import dev.kiln.mapping.Conn;
import dev.kiln.mapping.EntityMapping;
import dev.kiln.mapping.RelationInfo;
import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.SqliteDdl;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fetch plan: which relations to load with a root entity, compiled into a fixed list of
 * statements whose number depends on the plan only, never on the rows.
 *
 * <p>Implementation notes: to-one relations join into their parent's statement ({@code LEFT JOIN}
 * on the target's key; an inverse one-to-one joins the target row with the smallest key, so a
 * join never multiplies rows and {@code LIMIT} counts root entities). Each to-many relation is
 * one more statement, keyed by its parents' keys bound as one list (SQLite:
 * {@code fk IN (SELECT value FROM json_each(?))}; PostgreSQL: {@code fk = ANY(?)}), so there are
 * no chunked key lists and no cartesian products of sibling collections. Children come ordered
 * by parent, then by key; a to-many child's parent key is read from its own foreign-key column, a
 * many-to-many one's from the junction's column, selected first. Rows of entities with relations
 * to assemble are gathered as {@link Loaded} holders and assembled bottom-up once every statement
 * ran, because records can only receive their relations through a constructor.
 *
 * <p>When the parents' keys are integers that leave no gap ({@code 41, 42, …, 140}, what a page
 * in key order of a table with generated keys usually holds), the children's statement asks for the
 * range instead ({@code fk BETWEEN ? AND ?}): the same rows, found with one index search instead
 * of one per parent.
 *
 * <p>Everything about a plan is laid out when it is made, so a plan is immutable and one plan per
 * shape is shared by every thread (see {@link FetchPlans}).
 */
public final class FetchPlan {

  private final SqlDialect dialect;
  private final KeyLists keyLists;
  private final PlanNode root;
  private final String rootSelect;
  /** By edge, which is this plan's own object: identity needs no record equals (FetchPlans). */
  private final Map<PlanNode.Edge, Keyed> keyedStatements = new IdentityHashMap<>();
  /** How many nodes have to-many relations; a run gathers their rows (see PlanNode.slot). */
  private int gathering;
  private final Set<String> tables;

  /**
   * The statements of a to-many relation (keyed by a bound list of parent keys, or by a range of
   * them), the column in them that holds each row's parent key, and that key's property in the
   * child entity (-1 for many-to-many, whose junction holds it).
   */
  private record Keyed(String byKeys, String byRange, int parentKeyColumn, int keyInEntity) {}

  private FetchPlan(PlanNode root, SqlDialect dialect, KeyLists keyLists) {
    this.dialect = dialect;
    this.keyLists = keyLists;
    this.root = root;
    this.rootSelect = select(root, null, false, null);
    layOutKeyed(root);
    Set<String> read = StatementTables.of(rootSelect);
    keyedStatements.values().forEach(keyed -> StatementTables.addTo(read, keyed.byKeys()));
    this.tables = Set.copyOf(read);
  }

  /**
   * Whether the plan is one statement (its relations all joined into the root's), which needs no
   * transaction to see one snapshot.
   */
  public boolean oneStatement() {
    return keyedStatements.isEmpty();
  }

  /** Every table the plan's statements read, for the query cache. */
  public Set<String> tables() {
    return tables;
  }

  /** Lays out the statement of every to-many relation below {@code node}, once. */
  private void layOutKeyed(PlanNode node) {
    for (PlanNode member : node.statementNodes()) {
      if (!member.keyed.isEmpty()) {
        member.slot = gathering++;
      }
      for (PlanNode.Edge edge : member.keyed) {
        edge.child().statement = keyedStatements.size();
        keyedStatements.put(edge, keyed(edge));
        layOutKeyed(edge.child());
      }
    }
  }

  /**
   * The plan that loads {@code paths} with entities of {@code root}, in {@code dialect}'s SQL,
   * binding lists of keys with {@code keyLists}.
   */
  public static FetchPlan of(EntityMapping<?> root, List<List<RelationInfo<?, ?>>> paths,
      SqlDialect dialect, KeyLists keyLists) {
    PlanNode node = new PlanNode(root);
    for (List<RelationInfo<?, ?>> path : paths) {
      PlanNode at = node;
      for (RelationInfo<?, ?> step : path) {
        if (step.source() != at.mapping) {
          throw new KilnException("the path " + path + " does not start at "
              + at.mapping.info().entity());
        }
        at = at.follow(step);
      }
    }
    return new FetchPlan(node, dialect, keyLists);
  }

  /**
   * {@code SELECT <columns> FROM <root> t0 <joins>}: the root statement without its
   * {@code WHERE}, {@code ORDER BY} and {@code LIMIT}, which the query adds; the root table's
   * alias is {@code t0}.
   */
  public String rootSelect() {
    return rootSelect;
  }

  /** The alias of the root table in {@link #rootSelect()}. */
  public static String rootAlias() {
    return "t0";
  }

  /**
   * Runs the plan: {@code rootStatement} (prepared and bound by the caller from
   * {@link #rootSelect()}), then one statement per to-many relation; returns the root entities
   * with their graphs.
   */
  public <E> List<E> run(Conn conn, PreparedStatement rootStatement) throws SQLException {
    // The rows of each node with to-many relations, by its slot: their keys bind its statements.
    @SuppressWarnings("unchecked")
    List<Loaded>[] loaded = new List[gathering];
    // The rows each to-many statement read, by PlanNode.statement: parents find their children
    // there when they are built.
    Object[] statements = new Object[keyedStatements.size()];
    List<Object> roots = new ArrayList<>(root.rowsHint);
    try (ResultSet rs = conn.query(rootStatement)) {
      while (rs.next()) {
        roots.add(read(rs, root, loaded));
      }
    }
    conn.rowsRead(rootStatement, roots.size());
    root.sawRows(roots.size());
    loadKeyed(conn, root, loaded, statements);
    for (List<Loaded> rows : loaded) {
      if (rows != null && !rows.isEmpty()) {
        rows.get(0).node.sawRows(rows.size());
      }
    }
    List<E> result = new ArrayList<>(roots.size());
    for (Object row : roots) {
      @SuppressWarnings("unchecked")
      E entity = (E) Loaded.build(row, statements);
      result.add(entity);
    }
    return result;
  }

  /** Runs the to-many statements below {@code node} and the nodes joined to it. */
  private void loadKeyed(Conn conn, PlanNode node, List<Loaded>[] loaded, Object[] statements)
      throws SQLException {
    for (PlanNode member : node.statementNodes()) {
      if (member.keyed.isEmpty()) {
        continue;
      }
      List<Loaded> parents = loaded[member.slot];
      parents = parents == null ? List.of() : parents;
      for (PlanNode.Edge edge : member.keyed) {
        statements[edge.child().statement] = loadChildren(conn, edge, parents, loaded);
        loadKeyed(conn, edge.child(), loaded, statements);
      }
    }
  }

  /**
   * Runs the statement of {@code edge}'s relation for {@code parents}; returns the rows it read:
   * {@link KeyedRows} when the parents' keys are integers, else a map of each key's rows, null
   * when no parent has a key.
   */
  private Object loadChildren(Conn conn, PlanNode.Edge edge, List<Loaded> parents,
      List<Loaded>[] loaded) throws SQLException {
    // Integer keys (the usual case) are looked at first without boxing them into a set: when
    // they are distinct and leave no gap, the children are asked for by range and each parent
    // finds its own at key - min, with no set and no map of boxed keys.
    boolean integers = true;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int present = 0;
    // Keys in ascending order (rows read in key order, the usual case) are distinct as they are.
    boolean ascending = true;
    for (Loaded parent : parents) {
      if (parent.integerKey) {
        ascending &= present == 0 || parent.longKey > max;
        present++;
        min = Math.min(min, parent.longKey);
        max = Math.max(max, parent.longKey);
      } else if (parent.otherKey != null) {
        present++;
        integers = false;
      }
    }
    if (present == 0) {
      return null;
    }
    boolean range = integers && max - min == present - 1
        && (ascending || distinct(parents, min, present));
    Keyed keyed = keyedStatements.get(edge);
    PreparedStatement ps;
    Set<Object> keys = null;
    if (range) {
      ps = conn.prepare(keyed.byRange());
      ps.setLong(1, min);
      ps.setLong(2, max);
    } else {
      keys = new LinkedHashSet<>();
      for (Loaded parent : parents) {
        if (parent.keyed()) {
          keys.add(parent.key());
        }
      }
      // Distinct integers as many as the span between the smallest and the largest: no gaps.
      // (A span too wide for a long overflows to a negative number, which never matches.)
      if (integers && max - min == keys.size() - 1) {
        ps = conn.prepare(keyed.byRange());
        ps.setLong(1, min);
        ps.setLong(2, max);
      } else {
        ps = conn.prepare(keyed.byKeys());
        keyLists.bind(ps, 1, keys);
      }
    }
    PlanNode child = edge.child();
    try (ResultSet rs = conn.query(ps)) {
      int count;
      Object read;
      if (integers) {
        KeyedRows children = new KeyedRows(child, loaded, range ? present : 0, min);
        count = readIntegerKeyed(rs, child, keyed, children, loaded);
        children.finish();
        read = children;
      } else {
        Map<Object, List<Object>> byParent = new HashMap<>();
        count = readOtherKeyed(rs, child, keyed, byParent, loaded);
        read = byParent;
      }
      conn.rowsRead(ps, count);
      child.sawRows(count);
      return read;
    }
  }

  /**
   * Reads the children of parents keyed by integers into {@code rows}; returns how many. Once
   * a first run has told that the keys are integer properties of the child, the loop is the
   * child mapping's own ({@link EntityMapping#readRows}), so that reading the entity and its keys
   * are direct calls in whatever JVM runs it.
   */
  private int readIntegerKeyed(ResultSet rs, PlanNode child, Keyed keyed, KeyedRows rows,
      List<Loaded>[] loaded) throws SQLException {
    int first = child.firstColumn;
    // The entity's property that holds the parent key, -1 when none does (many-to-many: the
    // junction's column, selected first).
    int keyProperty = keyed.keyInEntity();
    boolean keyRead = keyProperty < 0 || child.parentKeyInteger > 0;
    if (child.joined.isEmpty() && keyRead && (child.leaf() || child.knownIntegerKey())) {
      return child.mapping.readRows(rs, first, keyProperty,
          child.leaf() ? -1 : child.keyOffset, rows);
    }
    // A leaf child's row is just its entity: read it here, at a call site of its own. (A keyed
    // child heads its own statement, so it is never joined into a parent's row.)
    boolean plain = child.leaf();
    int count = 0;
    while (rs.next()) {
      count++;
      Object row = plain ? child.mapping.read(rs, first) : read(rs, child, loaded);
      // A row matched an integer key, so the parent key is that integer: read from the entity
      // just read when it holds it (asking the driver again costs a call into it per row, and
      // sqlite-jdbc's getObject two and a boxed value), else with getLong.
      if (keyProperty >= 0 && child.parentKeyInteger == 0) {
        child.parentKeyInteger = Loaded.integer(value(child, row, keyProperty)) ? 1 : -1;
      }
      rows.addRow(keyProperty >= 0 && child.parentKeyInteger > 0
          ? longValue(child, row, keyProperty) : rs.getLong(keyed.parentKeyColumn()), row);
    }
    return count;
  }

  /** Reads the children of parents keyed otherwise into {@code byParent}; returns how many. */
  private int readOtherKeyed(ResultSet rs, PlanNode child, Keyed keyed,
      Map<Object, List<Object>> byParent, List<Loaded>[] loaded) throws SQLException {
    Object current = null;
    List<Object> rows = null;
    int count = 0;
    while (rs.next()) {
      count++;
      Object row = read(rs, child, loaded);
      Object key = asKey(rs.getObject(keyed.parentKeyColumn()));
      if (rows == null || !key.equals(current)) {
        rows = byParent.computeIfAbsent(key, k -> new ArrayList<>());
        current = key;
      }
      rows.add(row);
    }
    return count;
  }

  /**
   * Property {@code index} of a to-many child's {@code row} (its entity, or the holder of it):
   * the foreign key holding its parent's key, which the mapping has just read.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object value(PlanNode child, Object row, int index) {
    return ((EntityMapping) child.mapping).value(entityOf(row), index);
  }

  /** The same as a {@code long}, not boxed: once per child row. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static long longValue(PlanNode child, Object row, int index) {
    return ((EntityMapping) child.mapping).longValue(entityOf(row), index);
  }

  private static Object entityOf(Object row) {
    return row instanceof Loaded loaded ? loaded.entity : row;
  }

  /** Whether the {@code count} integer keys of {@code parents}, all from {@code min}, differ. */
  private static boolean distinct(List<Loaded> parents, long min, int count) {
    java.util.BitSet seen = new java.util.BitSet(count);
    for (Loaded parent : parents) {
      if (parent.integerKey) {
        int at = (int) (parent.longKey - min);
        if (seen.get(at)) {
          return false;
        }
        seen.set(at);
      }
    }
    return true;
  }

  /**
   * Reads {@code node} and its joined descendants from the current row: a {@link Loaded} for a
   * node with relations of its own to assemble later, the entity itself for a leaf, and null for
   * a to-one that a {@code LEFT JOIN} did not find.
   */
  private Object read(ResultSet rs, PlanNode node, List<Loaded>[] loaded)
      throws SQLException {
    int first = node.firstColumn;
    // The stored key is needed to key this node's own to-many statements and to tell an absent
    // to-one (a LEFT JOIN that found no row) from a present one; a leaf child needs neither.
    Object storedKey = null;
    if (node.joinedIntoParent) {
      storedKey = storedKey(rs, node);
      if (storedKey == null) {
        return null; // a LEFT JOIN that found no row: the to-one relation is absent
      }
    }
    Object entity = node.mapping.read(rs, first);
    if (node.leaf()) {
      return entity;
    }
    Loaded row;
    if (storedKey != null || node.keyed.isEmpty()) {
      row = Loaded.keyedBy(node, entity, storedKey);
    } else if (node.integerKey(entity)) {
      // An integer key is stored as the same integer, so the entity just read has it, unboxed;
      // asking sqlite-jdbc for the column as an object would cost two more calls into the
      // driver, and a boxed key per row an eighth of what a three-level load allocates beyond
      // hand-written JDBC.
      row = new Loaded(node, entity, longValue(node, entity, node.keyOffset));
    } else {
      row = Loaded.keyedBy(node, entity, storedKey(rs, node));
    }
    for (PlanNode.Edge edge : node.joined) {
      row.relations[edge.relation().index()] = read(rs, edge.child(), loaded);
    }
    if (!node.keyed.isEmpty()) {
      KeyedRows.gathering(node, loaded).add(row);
    }
    return row;
  }

  /** The same key whether the driver returned an {@code Integer} or a {@code Long}. */
  private static Object asKey(Object stored) {
    if (stored instanceof Integer || stored instanceof Short || stored instanceof Byte) {
      return ((Number) stored).longValue();
    }
    return stored;
  }

  /** The key of {@code node}'s row as the database stores it, null when the row is absent. */
  private static Object storedKey(ResultSet rs, PlanNode node) throws SQLException {
    return asKey(rs.getObject(node.firstColumn + node.keyOffset));
  }

  /** Lays out the keyed statement of {@code edge}'s to-many relation. */
  private Keyed keyed(PlanNode.Edge edge) {
    RelationInfo<?, ?> relation = edge.relation();
    // For a to-many relation the parent key is the child's own foreign-key column, read where
    // the entity's columns have it; a many-to-many one selects the junction's column first.
    int inChild = relation.kind() == RelationInfo.Kind.TO_MANY
        ? indexOf(edge.child().mapping.info().columns(), relation.targetColumn()) : -1;
    // The parents' keys bound as one list (one statement for any number of them), or, when they
    // are a range of integers without gaps, as its bounds.
    String byKeys = select(edge.child(), edge, inChild < 0,
        key -> dialect.inBoundList(key, false));
    String byRange = select(edge.child(), edge, inChild < 0, key -> key + " BETWEEN ? AND ?");
    return new Keyed(byKeys, byRange, inChild < 0 ? 1 : edge.child().firstColumn + inChild,
        inChild);
  }

  private static int indexOf(List<String> columns, String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Lays out the statement rooted at {@code node} and sets the alias and first column of each
   * node in it: the root statement's prefix when {@code edge} is null, otherwise the complete
   * keyed statement of a to-many relation, filtered on the parent key by {@code keyFilter}, whose
   * first column is the parent key it belongs to when {@code parentKeyFirst}.
   */
  private static String select(PlanNode node, PlanNode.Edge edge, boolean parentKeyFirst,
      java.util.function.UnaryOperator<String> keyFilter) {
    List<PlanNode> nodes = node.statementNodes();
    RelationInfo<?, ?> relation = edge == null ? null : edge.relation();
    boolean keyFirst = relation != null && parentKeyFirst;
    int column = keyFirst ? 2 : 1;
    for (int i = 0; i < nodes.size(); i++) {
      nodes.get(i).alias = "t" + i;
      nodes.get(i).joinedIntoParent = i > 0;
      nodes.get(i).firstColumn = column;
      column += nodes.get(i).mapping.info().columns().size();
    }
    List<String> columns = new ArrayList<>();
    if (keyFirst) {
      columns.add(parentKeyColumn(relation));
    }
    for (PlanNode n : nodes) {
      for (String c : n.mapping.info().columns()) {
        columns.add(n.alias + "." + q(c));
      }
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", columns));
    sql.append(" FROM ");
    if (relation != null && relation.kind() == RelationInfo.Kind.MANY_TO_MANY) {
      sql.append(q(relation.junctionTable())).append(" j JOIN ").append(table(node))
          .append(" t0 ON t0.").append(q(relation.targetColumn())).append(" = j.")
          .append(q(relation.junctionTargetColumn()));
    } else {
      sql.append(table(node)).append(" t0");
    }
    appendJoins(sql, node);
    if (relation != null) {
      String parentKey = parentKeyColumn(relation);
      sql.append(" WHERE ").append(keyFilter.apply(parentKey)).append(andLive(node, "t0"))
          .append(" ORDER BY ").append(parentKey);
      for (String key : node.mapping.info().keyColumns()) {
        sql.append(", t0.").append(q(key));
      }
    }
    return sql.toString();
  }

  /** The column of a keyed statement that holds the parent's key: the grouping column. */
  private static String parentKeyColumn(RelationInfo<?, ?> relation) {
    return relation.kind() == RelationInfo.Kind.MANY_TO_MANY
        ? "j." + q(relation.junctionSourceColumn()) : "t0." + q(relation.targetColumn());
  }

  private static void appendJoins(StringBuilder sql, PlanNode parent) {
    for (PlanNode.Edge edge : parent.joined) {
      PlanNode child = edge.child();
      RelationInfo<?, ?> relation = edge.relation();
      String childKey = child.alias + "." + q(child.mapping.info().keyColumns().get(0));
      sql.append(" LEFT JOIN ").append(table(child)).append(' ').append(child.alias)
          .append(" ON ").append(childKey).append(" = ");
      if (relation.kind() == RelationInfo.Kind.TO_ONE) {
        sql.append(parent.alias).append('.').append(q(relation.sourceColumn()))
            .append(andLive(child, child.alias));
      } else {
        String inner = child.alias + "_one";
        String innerKey = q(child.mapping.info().keyColumns().get(0));
        sql.append("(SELECT ").append(inner).append('.').append(innerKey).append(" FROM ")
            .append(table(child)).append(' ').append(inner).append(" WHERE ").append(inner)
            .append('.').append(q(relation.targetColumn())).append(" = ").append(parent.alias)
            .append('.').append(q(relation.sourceColumn())).append(andLive(child, inner))
            .append(" ORDER BY ").append(inner)
            .append('.').append(innerKey).append(" LIMIT 1)");
      }
      appendJoins(sql, child);
    }
  }

  /**
   * {@code " AND <live>"} for a node whose entity marks deleted rows ({@code @SoftDelete}), on
   * its table's {@code alias}: a deleted related row is not loaded. Empty otherwise.
   */
  private static String andLive(PlanNode node, String alias) {
    String live = node.mapping.info().live(c -> alias + "." + q(c));
    return live == null ? "" : " AND " + live;
  }

  private static String table(PlanNode node) {
    return q(node.mapping.info().table());
  }

  private static String q(String identifier) {
    return SqliteDdl.quote(identifier);
  }
}
