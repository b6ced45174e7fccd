package dev.kiln.query;

import dev.kiln.migrations.schema.Ordering;
import dev.kiln.spi.ValueType;
import dev.kiln.spi.ValueTypes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * An aggregate over the rows of a query, or of each group of a {@code groupBy}: made by the
 * metamodel's columns ({@code Book_.PRICE.sum()}, {@code Book_.PRICE.max()},
 * {@code Book_.AUTHOR_ID.countDistinct()}) or by {@link #count()}. Select it, order by it, or
 * compare it in {@code having}.
 *
 * <p>Results are the same on every engine: counts are {@code Long}; {@code sum} is an exact
 * {@code BigDecimal} (decimals added as decimals, integers without overflow); {@code avg} is a
 * {@code BigDecimal} rounded to 15 significant digits, trailing zeros removed (what both engines
 * agree on, whether they average in doubles or in decimals); {@code min} and {@code max} are of
 * the column's type. Over no rows, {@code count} is 0 and the others are null.
 *
 * @param <E> the entity the query is over
 * @param <T> the aggregate's Java type
 */
public final class Aggregate<E, T> implements Selectable<E, T> {

  /** Averages to the digits both engines agree on. */
  private static final MathContext AVERAGE_DIGITS = new MathContext(15);

  private static final ValueType<BigDecimal> AVERAGE = new ValueType<>() {
    @Override
    public void bind(PreparedStatement ps, int index, BigDecimal value) throws SQLException {
      ValueTypes.BIG_DECIMAL.bind(ps, index, value);
    }

    @Override
    public BigDecimal read(ResultSet rs, int index) throws SQLException {
      BigDecimal value = ValueTypes.BIG_DECIMAL.read(rs, index);
      return value == null ? null : toAverageDigits(value);
    }

    @Override
    public Ordering ordering() {
      return Ordering.NUMERIC_TEXT;
    }
  };

  private final String function;
  private final Selectable<E, ?> argument;
  private final ValueType<T> type;

  private Aggregate(String function, Selectable<E, ?> argument, ValueType<T> type) {
    this.function = function;
    this.argument = argument;
    this.type = type;
  }

  /** {@code function} of {@code argument}, read as {@code type}. */
  static <E, T> Aggregate<E, T> of(String function, Selectable<E, ?> argument, ValueType<T> type) {
    return new Aggregate<>(function, Objects.requireNonNull(argument, "argument"), type);
  }

  /** The exact sum. */
  static <E> Aggregate<E, BigDecimal> sum(Selectable<E, ?> argument) {
    return of("sum", argument, ValueTypes.BIG_DECIMAL);
  }

  /** The average, to 15 significant digits. */
  static <E> Aggregate<E, BigDecimal> avg(Selectable<E, ?> argument) {
    return of("avg", argument, AVERAGE);
  }

  /**
   * The average of {@code count} values whose exact sum is {@code total}, as SQLite's
   * {@code kiln_decimal_avg} and this aggregate's reading make it: divided to 34 significant
   * digits, then to the 15 both engines agree on.
   */
  static BigDecimal average(BigDecimal total, long count) {
    return toAverageDigits(total.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128));
  }

  private static BigDecimal toAverageDigits(BigDecimal value) {
    return value.round(AVERAGE_DIGITS).stripTrailingZeros();
  }

  /** The number of rows (of the group): SQL's {@code count(*)}. */
  public static <E> Aggregate<E, Long> count() {
    return new Aggregate<>("count", null, ValueTypes.LONG);
  }

  /** The SQL function: {@code count}, {@code sum}, {@code avg}, {@code min}, {@code max} … */
  String function() {
    return function;
  }

  /** What is aggregated; null for {@code count(*)}. */
  Selectable<E, ?> argument() {
    return argument;
  }

  @Override
  public String expression(SqlWriter sql) {
    return argument == null ? "count(*)"
        : sql.dialect().aggregate(function, argument.ordering(), argument.expression(sql));
  }

  @Override
  public ValueType<T> type() {
    return type;
  }

  /** Sums compare exactly as decimals; the others as their values do. */
  @Override
  public Ordering ordering() {
    return function.equals("sum") ? Ordering.NUMERIC_TEXT : type.ordering();
  }

  @Override
  public boolean aggregate() {
    return true;
  }

  @Override
  public Path<E, ?> path() {
    return argument == null ? null : argument.path();
  }

  /** Equal to {@code value}. */
  public Condition<E> eq(T value) {
    return compare("=", value);
  }

  /** Not equal to {@code value}. */
  public Condition<E> ne(T value) {
    return compare("<>", value);
  }

  /** Less than {@code value}. */
  public Condition<E> lt(T value) {
    return compare("<", value);
  }

  /** Less than or equal to {@code value}. */
  public Condition<E> le(T value) {
    return compare("<=", value);
  }

  /** Greater than {@code value}. */
  public Condition<E> gt(T value) {
    return compare(">", value);
  }

  /** Greater than or equal to {@code value}. */
  public Condition<E> ge(T value) {
    return compare(">=", value);
  }

  private Condition<E> compare(String operator, T value) {
    Objects.requireNonNull(value, () -> "a value to compare " + this + " with");
    return new Comparison<>(this, operator, value);
  }

  /** {@code aggregate <op> value}, for {@code having}. */
  private record Comparison<E, T>(Aggregate<E, T> aggregate, String operator, T value)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(Comparison.class).item(aggregate).add(operator);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      sql.bind(sql.dialect().compare(aggregate.ordering(), aggregate.expression(sql), operator),
          aggregate.type, value);
    }
  }

  /** Aggregates of the same function over the same argument, read alike, are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Aggregate<?, ?> other && other.function.equals(function)
        && Objects.equals(other.argument, argument) && other.type == type;
  }

  @Override
  public int hashCode() {
    // As Objects.hash would, without its array: a shape's key hashes aggregates on every query.
    return (31 * function.hashCode() + Objects.hashCode(argument)) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return function + "(" + (argument == null ? "*" : argument) + ")";
  }
}
