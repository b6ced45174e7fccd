package dev.kiln.query;

import dev.kiln.KilnException;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.EntityMapping;
import dev.kiln.spi.ValueType;
import dev.kiln.spi.ValueTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The condition "after this row, in this order" of a keyset page. For the order
 * {@code (a ASC, b DESC, key)} and the last row's values {@code (x, y, k)} it is
 * {@code a >= x AND (a > x OR (b <= y AND (b < y OR key > k)))}: the same rows as the
 * row-after test, written so that the leading comparison can seek an index on {@code a} instead
 * of reading the rows before. Nulls sort first ascending and last descending, as Kiln orders
 * them on every engine.
 */
final class Keyset {

  /** One term of the order: a column, its direction and the last row's value. */
  private record Term(Column<?, ?> column, boolean descending, Object value) {}

  private Keyset() {}

  static <E> Condition<E> after(EntityMapping<E> mapping, List<Order<E>> orders, E lastSeen) {
    EntityInfo info = mapping.info();
    List<Term> terms = new ArrayList<>();
    for (Order<E> order : orders) {
      Column<?, ?> column = (Column<?, ?>) order.item();
      terms.add(new Term(column, order.descending(),
          mapping.value(lastSeen, index(info, column.name()))));
      if (tellsRowsApart(info, column)) {
        // the rows that tie on it are one row: the later terms, and the key, decide nothing
        return sql -> write(sql, terms, 0);
      }
    }
    for (String key : info.keyColumns()) {
      if (ordersBy(info, orders, key)) {
        continue; // already a term: a second one on it decides nothing
      }
      int index = index(info, key);
      terms.add(new Term(new Column<>(info.table(), key, info.properties().get(index),
          keyType(mapping.value(lastSeen, index)), false), false, mapping.value(lastSeen, index)));
    }
    return sql -> write(sql, terms, 0);
  }

  /**
   * Whether ordering by {@code item} puts every row of {@code info}'s table in a place of its
   * own: a column of that table that {@link EntityInfo#orderedUniquely tells rows apart}.
   */
  static boolean tellsRowsApart(EntityInfo info, Object item) {
    Column<?, ?> column = ownColumn(info, item);
    return column != null && info.orderedUniquely(column.name());
  }

  /**
   * Whether {@code orders} already order by {@code column} of {@code info}'s table (a key
   * column, say), so that a tie-break by it would decide nothing.
   */
  static boolean ordersBy(EntityInfo info, List<? extends Order<?>> orders, String column) {
    for (Order<?> order : orders) {
      Column<?, ?> ordered = ownColumn(info, order.item());
      if (ordered != null && ordered.name().equalsIgnoreCase(column)) {
        return true;
      }
    }
    return false;
  }

  /** {@code item} when it is a plain column of {@code info}'s own table, else null. */
  private static Column<?, ?> ownColumn(EntityInfo info, Object item) {
    return item instanceof Column<?, ?> column && column.table().equalsIgnoreCase(info.table())
        ? column : null;
  }

  /** The rows after the last one in terms {@code from} on. */
  private static void write(SqlWriter sql, List<Term> terms, int from) {
    Term term = terms.get(from);
    boolean last = from == terms.size() - 1;
    String column = term.column().reference(sql);
    if (term.value() == null) {
      // Nulls are all equal: ascending, every value comes after them; descending, none does.
      if (term.descending()) {
        sql.append("(").append(column).append(" IS NULL");
        if (!last) {
          sql.append(" AND ");
          write(sql, terms, from + 1);
        } else {
          sql.append(" AND 1 = 0");
        }
        sql.append(")");
      } else {
        sql.append("(").append(column).append(" IS NOT NULL");
        if (!last) {
          sql.append(" OR (").append(column).append(" IS NULL AND ");
          write(sql, terms, from + 1);
          sql.append(")");
        }
        sql.append(")");
      }
      return;
    }
    String strictly = term.descending() ? "<" : ">";
    sql.append("(");
    if (last) {
      compare(sql, term, strictly);
    } else {
      compare(sql, term, strictly + "=");
      sql.append(" AND (");
      compare(sql, term, strictly);
      sql.append(" OR ");
      write(sql, terms, from + 1);
      sql.append(")");
    }
    if (term.descending() && term.column().nullable()) {
      sql.append(" OR ").append(column).append(" IS NULL");
    }
    sql.append(")");
  }

  @SuppressWarnings("unchecked")
  private static void compare(SqlWriter sql, Term term, String operator) {
    Column<?, Object> column = (Column<?, Object>) term.column();
    sql.bind(sql.dialect().compare(column.type().ordering(), column.reference(sql), operator),
        column.type(), term.value());
  }

  private static int index(EntityInfo info, String column) {
    int index = info.columns().indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(column + " is not a column of " + info.entity());
    }
    return index;
  }

  /** How a key part is bound, by its Java type: a key is of one of the built-in types. */
  @SuppressWarnings("unchecked")
  private static <T> ValueType<T> keyType(Object value) {
    ValueType<?> type = value instanceof Long ? ValueTypes.LONG
        : value instanceof Integer ? ValueTypes.INTEGER
        : value instanceof Short ? ValueTypes.SHORT
        : value instanceof Byte ? ValueTypes.BYTE
        : value instanceof String ? ValueTypes.STRING
        : value instanceof UUID ? ValueTypes.UUID
        : value instanceof BigDecimal ? ValueTypes.BIG_DECIMAL
        : value instanceof BigInteger ? ValueTypes.BIG_INTEGER
        : value instanceof LocalDate ? ValueTypes.LOCAL_DATE
        : value instanceof LocalDateTime ? ValueTypes.LOCAL_DATE_TIME
        : value instanceof Instant ? ValueTypes.INSTANT
        : null;
    if (type == null) {
      throw new KilnException("after(…) pages by the key, and a key of "
          + (value == null ? "null" : value.getClass().getSimpleName())
          + " is not one Kiln binds by itself; page with offset instead");
    }
    return (ValueType<T>) type;
  }
}
