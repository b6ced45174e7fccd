package dev.kiln.query;

import dev.kiln.internal.sqlite.SqliteText;
import dev.kiln.mapping.Conn;
import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.DecimalFunctions;
import dev.kiln.migrations.schema.Ordering;
import dev.kiln.spi.ValueType;
import dev.kiln.spi.ValueTypes;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A grouped projection whose exact decimal sums and averages Kiln adds up itself, over the rows
 * it reads, on an engine that would otherwise call back into Java for every row to add them
 * ({@link SqlDialect#sumsDecimalsInJava()}: SQLite, whose exact sum is a Java function). The
 * query reads each row's grouped values and summed values, ordered so that the rows of a group
 * come together, and this folds each group into one row of results: the values the database's
 * aggregate gives, parsed as its function parses them.
 *
 * <p>Taken only where the result is the same: no {@code having} (it filters on the aggregates
 * before the page is taken), an order by grouped items only (so that each group's rows are
 * adjacent), groups by integers (whose values Java tells apart exactly as SQL does; text may
 * carry a collation, decimals and date-times equal values written differently), and aggregates
 * that are {@code count} or sums and averages of decimals. A limit and an offset count groups,
 * so they are applied here rather than in SQL; reading stops once the limit's last group is
 * complete.
 *
 * @param <E> the entity the query is over
 */
final class GroupFold<E> {

  /** The types of the values a fold groups by. */
  private static final Set<ValueType<?>> INTEGERS = Set.of(ValueTypes.LONG, ValueTypes.INTEGER,
      ValueTypes.SHORT, ValueTypes.BYTE);

  /** What a selected item is made of. */
  private enum Kind { GROUPED, COUNT_ROWS, COUNT, SUM, AVG }

  private final List<Selectable<E, ?>> groupBy;
  /** The summed or counted arguments, each read once however many items use it. */
  private final List<Selectable<E, ?>> arguments;
  /** Per argument: whether a sum or an average adds it (else it is only counted). */
  private final boolean[] summed;
  private final Kind[] kinds;
  /** Per item: its grouped item's or argument's index, or -1 for {@code count(*)}. */
  private final int[] sources;

  private GroupFold(List<Selectable<E, ?>> groupBy, List<Selectable<E, ?>> arguments,
      Kind[] kinds, int[] sources) {
    this.groupBy = groupBy;
    this.arguments = arguments;
    this.summed = new boolean[arguments.size()];
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == Kind.SUM || kinds[i] == Kind.AVG) {
        summed[sources[i]] = true;
      }
    }
    this.kinds = kinds;
    this.sources = sources;
  }

  /**
   * The fold for selecting {@code items} grouped by {@code groupBy}, or null where the database
   * should aggregate: another engine, no decimal to add, or a query the fold cannot repeat.
   */
  static <E> GroupFold<E> of(SqlDialect dialect, List<Selectable<E, ?>> items,
      List<Selectable<E, ?>> groupBy, Condition<E> having, List<Order<E>> orders) {
    if (!dialect.sumsDecimalsInJava() || having != null) {
      return null;
    }
    // Loops, not streams: this runs for every grouped query on SQLite.
    for (Order<E> order : orders) {
      if (!groupBy.contains(order.item())) {
        return null;
      }
    }
    for (Selectable<E, ?> item : groupBy) {
      if (!INTEGERS.contains(item.type())) {
        return null;
      }
    }
    List<Selectable<E, ?>> arguments = new ArrayList<>();
    Kind[] kinds = new Kind[items.size()];
    int[] sources = new int[items.size()];
    boolean decimals = false;
    for (int i = 0; i < kinds.length; i++) {
      Selectable<E, ?> item = items.get(i);
      if (!(item instanceof Aggregate<E, ?> aggregate)) {
        kinds[i] = Kind.GROUPED;
        sources[i] = groupBy.indexOf(item);
        continue;
      }
      Selectable<E, ?> argument = aggregate.argument();
      boolean decimal = argument != null && argument.ordering() == Ordering.NUMERIC_TEXT;
      kinds[i] = switch (aggregate.function()) {
        case "count" -> argument == null ? Kind.COUNT_ROWS : Kind.COUNT;
        case "sum" -> decimal ? Kind.SUM : null;
        case "avg" -> decimal ? Kind.AVG : null;
        default -> null;
      };
      if (kinds[i] == null) {
        return null;
      }
      decimals |= kinds[i] == Kind.SUM || kinds[i] == Kind.AVG; // counts SQL does well itself
      if (argument == null) {
        sources[i] = -1;
      } else {
        if (!arguments.contains(argument)) {
          arguments.add(argument);
        }
        sources[i] = arguments.indexOf(argument);
      }
    }
    return decimals ? new GroupFold<>(List.copyOf(groupBy), arguments, kinds, sources) : null;
  }

  /** What the query selects: the grouped items, then the arguments. */
  List<Selectable<E, ?>> columns() {
    List<Selectable<E, ?>> columns = new ArrayList<>(groupBy);
    columns.addAll(arguments);
    return columns;
  }

  /**
   * Runs {@code sql} (a projection of {@link #columns()}) on {@code conn} and folds its rows into
   * the groups' results, one array of item values per group: {@code offset} groups skipped, at
   * most {@code limit} (negative: all). Without {@code groupBy} every row is one group, which
   * exists even over no rows (a count of 0, sums null), as SQL's aggregate over a table does.
   */
  List<Object[]> read(Conn conn, SqlWriter sql, long limit, long offset) throws SQLException {
    PreparedStatement ps = conn.prepare(sql.sql());
    sql.bindTo(ps, 1);
    List<Object[]> groups = new ArrayList<>();
    long rows = 0;
    try (ResultSet rs = conn.query(ps)) {
      Group group = new Group();
      boolean open = false; // whether group holds rows not yet in groups
      long skip = offset;
      while (rs.next()) {
        rows++;
        group.readKey(rs);
        if (!open || !group.holdsKey()) {
          if (open && skip-- <= 0 && add(groups, group, limit)) {
            open = false;
            break;
          }
          group.start();
          open = true;
        }
        group.add(rs);
      }
      if (!open && rows == 0 && groupBy.isEmpty()) {
        group.start();
        open = true;
      }
      if (open && skip <= 0) {
        add(groups, group, limit);
      }
    }
    conn.rowsRead(ps, rows);
    return groups;
  }

  /** Adds {@code group}'s results unless {@code limit} is reached; whether it is now. */
  private boolean add(List<Object[]> groups, Group group, long limit) {
    if (limit < 0 || groups.size() < limit) {
      groups.add(results(group));
    }
    return limit >= 0 && groups.size() >= limit;
  }

  private Object[] results(Group group) {
    Object[] values = new Object[kinds.length];
    for (int i = 0; i < values.length; i++) {
      int source = sources[i];
      values[i] = switch (kinds[i]) {
        case GROUPED -> group.key[source];
        case COUNT_ROWS -> group.rows;
        case COUNT -> group.present[source];
        case SUM -> group.totals[source];
        case AVG -> group.totals[source] == null ? null
            : Aggregate.average(group.totals[source], group.numbers[source]);
      };
    }
    return values;
  }

  /**
   * {@code value} as {@code type} reads it from the driver: an integer column's value narrowed
   * to the item's type, keeping its low bits as the driver's {@code getInt}, {@code getShort}
   * and {@code getByte} do.
   */
  private static Object boxed(ValueType<?> type, long value) {
    if (type == ValueTypes.INTEGER) {
      return (int) value;
    } else if (type == ValueTypes.SHORT) {
      return (short) value;
    } else if (type == ValueTypes.BYTE) {
      return (byte) value;
    }
    return value;
  }

  /**
   * The group being read: its key, how many rows, and per argument what was counted and added.
   * One per read, started again for each group, so that a group costs only its results.
   */
  private final class Group {
    /** The grouped values as the results give them. */
    final Object[] key = new Object[groupBy.size()];
    /** The same as integers, which each row's are compared with: no value read boxed. */
    final long[] integers = new long[groupBy.size()];
    final boolean[] nulls = new boolean[groupBy.size()];
    /** The grouped values of the row just read, each read from the driver once a row. */
    final long[] rowIntegers = new long[groupBy.size()];
    final boolean[] rowNulls = new boolean[groupBy.size()];
    long rows;
    /** Per argument: the values that are not NULL, as {@code count(column)} counts them. */
    final long[] present = new long[arguments.size()];
    /** Per summed argument: the values that are numbers, which an average divides by. */
    final long[] numbers = new long[arguments.size()];
    final BigDecimal[] totals = new BigDecimal[arguments.size()];

    /** Reads the grouped values of the row {@code rs} is on. */
    void readKey(ResultSet rs) throws SQLException {
      for (int i = 0; i < rowIntegers.length; i++) {
        long value = rs.getLong(i + 1);
        rowIntegers[i] = value;
        // NULL reads as 0, so only a 0 needs the second call
        rowNulls[i] = value == 0 && rs.wasNull();
      }
    }

    /** Whether the row last read belongs to this group. */
    boolean holdsKey() {
      return Arrays.equals(rowIntegers, integers) && Arrays.equals(rowNulls, nulls);
    }

    /**
     * Starts the group of the row last read (with no grouped values, of every row), its key
     * boxed from the integers already read, as the grouped items' types read them.
     */
    void start() {
      rows = 0;
      Arrays.fill(present, 0);
      Arrays.fill(numbers, 0);
      Arrays.fill(totals, null);
      System.arraycopy(rowIntegers, 0, integers, 0, integers.length);
      System.arraycopy(rowNulls, 0, nulls, 0, nulls.length);
      for (int i = 0; i < key.length; i++) {
        key[i] = nulls[i] ? null : boxed(groupBy.get(i).type(), integers[i]);
      }
    }

    /** Counts the row {@code rs} is on, and adds its arguments, read after the grouped values. */
    void add(ResultSet rs) throws SQLException {
      rows++;
      for (int i = 0; i < present.length; i++) {
        String text = SqliteText.get(rs, groupBy.size() + i + 1);
        if (text == null) {
          continue;
        }
        present[i]++;
        // Text that is not a number is left out, as the database's exact functions leave it.
        BigDecimal value = summed[i] ? DecimalFunctions.decimal(text) : null;
        if (value != null) {
          numbers[i]++;
          totals[i] = totals[i] == null ? value : totals[i].add(value);
        }
      }
    }
  }
}
