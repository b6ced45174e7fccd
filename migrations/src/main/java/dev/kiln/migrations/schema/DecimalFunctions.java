package dev.kiln.migrations.schema;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.Collation;
import org.sqlite.Function;

/**
 * The SQL functions with which Kiln compares, orders and adds decimals exactly, registered on
 * every connection Kiln opens (and on the processor's shadow database, which verifies the SQL
 * that calls them). They appear only in queries, never in the schema, so the database file stays
 * readable by any SQLite tool.
 *
 * <ul>
 *   <li>{@code kiln_decimal_cmp(a, b)}: -1, 0 or 1 as {@link BigDecimal#compareTo} says (NULL
 *       when either is NULL or not a number). Kiln's queries call it only where the fast
 *       comparison of doubles cannot decide (see {@link Ordering#NUMERIC_TEXT}).</li>
 *   <li>{@code COLLATE kiln_decimal}: orders decimal text exactly; Kiln's {@code ORDER BY} uses it
 *       to break ties between numbers that round to the same double.</li>
 *   <li>{@code kiln_decimal_sum(x)}: an exact sum, as decimal text ({@code 10.50 + 12.00} is
 *       {@code 22.50}), for {@code @Sql} where SQLite's {@code sum} would add doubles.</li>
 *   <li>{@code kiln_decimal_avg(x)}: the exact sum divided by the count, to 34 significant
 *       digits, as decimal text, for typed queries' {@code avg}.</li>
 *   <li>{@code kiln_decimal_add(a, b)} and {@code kiln_decimal_mul(a, b)}: the exact sum and
 *       product as decimal text ({@code 10.00 * 1.10} is {@code 11.0000}, as PostgreSQL's
 *       {@code numeric} says), for typed updates; NULL when either is NULL or not a number.</li>
 * </ul>
 */
public final class DecimalFunctions {

  private DecimalFunctions() {}

  /** Registers the functions and the collation on {@code connection}, a sqlite-jdbc one. */
  public static void register(Connection connection) throws SQLException {
    Function.create(connection, "kiln_decimal_cmp",
        new Binary((a, b) -> Integer.signum(a.compareTo(b))), 2, Function.FLAG_DETERMINISTIC);
    Function.create(connection, "kiln_decimal_sum", new Sum(false), 1);
    Function.create(connection, "kiln_decimal_avg", new Sum(true), 1);
    Function.create(connection, "kiln_decimal_add", new Binary(BigDecimal::add), 2,
        Function.FLAG_DETERMINISTIC);
    Function.create(connection, "kiln_decimal_mul", new Binary(BigDecimal::multiply), 2,
        Function.FLAG_DETERMINISTIC);
    Collation.create(connection, "kiln_decimal", new DecimalCollation());
  }

  /**
   * The decimal a SQL value's text holds: Kiln's decimal text, or another tool's number; null
   * for NULL and for text that is not a number, which the exact functions leave out. Typed
   * queries that add decimals in Java parse them with this too, so both give one answer.
   */
  public static BigDecimal decimal(String text) {
    if (text == null) {
      return null;
    }
    try {
      return DecimalText.parse(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** A function of two decimals; NULL when either is NULL or not a number. */
  private static final class Binary extends Function {
    private final java.util.function.BiFunction<BigDecimal, BigDecimal, Object> operation;

    Binary(java.util.function.BiFunction<BigDecimal, BigDecimal, Object> operation) {
      this.operation = operation;
    }

    @Override
    protected void xFunc() throws SQLException {
      BigDecimal a = decimal(value_text(0));
      BigDecimal b = decimal(value_text(1));
      if (a == null || b == null) {
        result();
        return;
      }
      Object value = operation.apply(a, b);
      if (value instanceof Integer sign) {
        result(sign);
      } else {
        result(value.toString());
      }
    }
  }

  /** The exact sum of a group's decimals, or their average. */
  private static final class Sum extends Function.Aggregate {
    private final boolean average;
    private BigDecimal total;
    private long count;

    Sum(boolean average) {
      this.average = average;
    }

    @Override
    protected void xStep() throws SQLException {
      BigDecimal value = decimal(value_text(0));
      if (value != null) {
        total = total == null ? value : total.add(value);
        count++;
      }
    }

    @Override
    protected void xFinal() throws SQLException {
      if (total == null) {
        result();
      } else if (average) {
        result(total.divide(BigDecimal.valueOf(count), java.math.MathContext.DECIMAL128)
            .toString());
      } else {
        result(total.toString());
      }
      total = null;
      count = 0;
    }
  }

  /** Numbers in numeric order, then any text that is not a number, in text order. */
  private static final class DecimalCollation extends Collation {
    @Override
    protected int xCompare(String left, String right) {
      BigDecimal a = decimal(left);
      BigDecimal b = decimal(right);
      if (a != null && b != null) {
        return a.compareTo(b);
      }
      if (a != null || b != null) {
        return a != null ? -1 : 1;
      }
      return left.compareTo(right);
    }
  }
}
