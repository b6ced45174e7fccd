package dev.kiln.query;

import dev.kiln.internal.postgresql.PostgresPrecision;
import dev.kiln.mapping.RelationInfo;
import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.migrations.schema.Ordering;
import dev.kiln.migrations.schema.TextFunctions;
import dev.kiln.migrations.schema.TextMatch;
import dev.kiln.spi.ValueType;
import dev.kiln.spi.ValueTypes;
import java.util.List;

/** The conditions the columns build; package-private, users see only {@link Condition}. */
final class Conditions {

  private Conditions() {}

  /** {@code (a AND b AND …)} or {@code (a OR b OR …)}. */
  record Junction<E>(String operator, List<Condition<E>> parts)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(Junction.class).add(operator).add(parts.size());
      parts.forEach(shape::condition);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      sql.append("(");
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          sql.append(operator);
        }
        parts.get(i).writeTo(sql);
      }
      sql.append(")");
    }
  }

  /** {@code column <op> value}, comparing in the column's natural order. */
  record Comparison<E, T>(Column<E, T> column, String operator, T value)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(Comparison.class).add(column).add(operator).add(finer(shape.dialect()));
    }

    /** Whether the value is finer than the engine keeps, which changes the SQL. */
    private boolean finer(SqlDialect dialect) {
      return dialect == SqlDialect.POSTGRESQL && PostgresPrecision.finer(value);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      T argument = value;
      if (finer(sql.dialect())) {
        // PostgreSQL keeps time to the microsecond: no stored value equals one with
        // nanoseconds, and an ordering compares with the microsecond that means the same.
        switch (operator) {
          case "=" -> {
            sql.append("1 = 0");
            return;
          }
          case "<>" -> {
            sql.column(column.table(), column.name()).append(" IS NOT NULL");
            return;
          }
          default -> argument = PostgresPrecision.bound(value, operator);
        }
      }
      String comparison =
          sql.dialect().compare(column.type().ordering(), column.reference(sql), operator);
      sql.bind(comparison, column.type(), argument);
    }
  }

  /** {@code column <op> value}, where the value is a wider number than the column's type. */
  record WidenedComparison<E, V>(Column<E, ?> column, String operator, ValueType<V> type, V value)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(WidenedComparison.class).add(column).add(operator);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      sql.bind(column.reference(sql) + " " + operator + " ?", type, value);
    }
  }

  /** {@code column BETWEEN low AND high}, with bounds of a wider number type. */
  record WidenedBetween<E, V>(Column<E, ?> column, ValueType<V> type, V low, V high)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(WidenedBetween.class).add(column);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      sql.append(column.reference(sql)).append(" BETWEEN ").bind("?", type, low)
          .append(" AND ").bind("?", type, high);
    }
  }

  /** {@code column BETWEEN low AND high}. */
  record Between<E, T>(Column<E, T> column, T low, T high)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(Between.class).add(column);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      // The first half of the expression's parameters take the low bound, the rest the high.
      String between = sql.dialect().between(column.type().ordering(), column.reference(sql));
      int half = afterParameters(between, (int) between.chars().filter(c -> c == '?').count() / 2);
      boolean postgres = sql.dialect() == SqlDialect.POSTGRESQL;
      sql.bind(between.substring(0, half), column.type(),
              postgres ? PostgresPrecision.bound(low, ">=") : low)
          .bind(between.substring(half), column.type(),
              postgres ? PostgresPrecision.bound(high, "<=") : high);
    }

    /** The index just after the {@code n}th {@code ?} of {@code sql}. */
    private static int afterParameters(String sql, int n) {
      int at = 0;
      for (int seen = 0; seen < n; seen++) {
        at = sql.indexOf('?', at) + 1;
      }
      return at;
    }
  }

  /** The opposite of a condition: {@code NOT (…)}. */
  record Not<E>(Condition<E> negated) implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(Not.class).condition(negated);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      sql.append("NOT (");
      negated.writeTo(sql);
      sql.append(")");
    }
  }

  /** {@code column [NOT] IN (?, ?, …)}; an empty list matches nothing (everything for NOT IN). */
  record In<E, T>(Column<E, T> column, List<T> values, boolean negated)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      // A list is one parameter however long; else each value is one, or none is.
      List<T> kept = kept(shape.dialect());
      shape.add(In.class).add(column).add(negated)
          .add(kept.isEmpty() ? 0 : asList() ? -1 : kept.size());
    }

    /** The values that can match on {@code dialect}. */
    private List<T> kept(SqlDialect dialect) {
      if (dialect == SqlDialect.POSTGRESQL) {
        // a time with nanoseconds equals no value PostgreSQL stores
        return values.stream().filter(v -> !PostgresPrecision.finer(v)).toList();
      }
      return values;
    }

    @Override
    public void writeTo(SqlWriter sql) {
      List<T> values = kept(sql.dialect());
      if (values.isEmpty()) {
        sql.append(negated ? "1 = 1" : "1 = 0");
        return;
      }
      if (asList()) {
        // Integer and text values travel as one list (a JSON array on SQLite, an array on
        // PostgreSQL): one statement shape for any number of values, no limit on parameters.
        sql.bind(sql.dialect().inBoundList(column.reference(sql), negated), ValueTypes.list(),
            values);
        return;
      }
      Ordering ordering = column.type().ordering();
      if (ordering == Ordering.NUMERIC_TEXT && sql.dialect() == SqlDialect.SQLITE) {
        // IN would compare the doubles: one exact comparison a value instead.
        String equal = sql.dialect().compare(ordering, column.reference(sql), "=");
        sql.append(negated ? "NOT (" : "(");
        for (int i = 0; i < values.size(); i++) {
          sql.append(i == 0 ? "" : " OR ").bind(equal, column.type(), values.get(i));
        }
        sql.append(")");
        return;
      }
      sql.append(sql.dialect().wrap(ordering, column.reference(sql)))
          .append(negated ? " NOT IN (" : " IN (");
      String parameter = sql.dialect().wrap(ordering, "?");
      for (int i = 0; i < values.size(); i++) {
        sql.append(i == 0 ? "" : ", ").bind(parameter, column.type(), values.get(i));
      }
      sql.append(")");
    }

    private boolean asList() {
      ValueType<?> type = column.type();
      return type == ValueTypes.LONG || type == ValueTypes.INTEGER || type == ValueTypes.STRING;
    }
  }

  /** {@code column IS [NOT] NULL}. */
  record NullCheck<E>(Column<E, ?> column, boolean isNull)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(NullCheck.class).add(column).add(isNull);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      sql.column(column.table(), column.name()).append(isNull ? " IS NULL" : " IS NOT NULL");
    }
  }

  /**
   * A text search, as {@link TextMatch} writes it: exact and case-sensitive, as Java's
   * {@code String} methods are.
   */
  record Text<E>(Column<E, String> column, TextMatch match, String value)
      implements Condition<E>, Shape.Shaped {
    @Override
    public void describe(Shape shape) {
      shape.add(Text.class).add(column).add(match);
    }

    @Override
    public void writeTo(SqlWriter sql) {
      String reference = sql.qualified(column.table(), column.name());
      String expression = sql.dialect().textMatch(match, reference, false);
      String argument = sql.dialect().textArgument(match, value);
      // Placeholders that take the end of a startsWith's index range (PostgreSQL's) get it.
      String end = TextFunctions.prefixEnd(value);
      sql.bindEach(expression, column.type(),
          use -> sql.dialect().takesPrefixEnd(match, use) ? end : argument);
    }
  }

  /**
   * Writes "the row has a related row through {@code steps[from…]} matching {@code condition}" as
   * nested {@code column IN (SELECT …)}: never NULL (NULL keys take no part), never repeating a
   * row, and the same in {@code SELECT}, {@code UPDATE} and {@code DELETE}. Inside each
   * subquery, columns are those of the table it reads.
   */
  static void related(SqlWriter sql, List<RelationInfo<?, ?>> steps, int from,
      Condition<?> condition) {
    RelationInfo<?, ?> step = steps.get(from);
    String sourceTable = step.source().info().table();
    String targetTable = sql.dialect().quote(step.target().info().table());
    boolean nullableSource = step.kind() == RelationInfo.Kind.TO_ONE;
    String outer = sql.qualified(sourceTable, step.sourceColumn());
    sql.append("(");
    if (nullableSource) {
      sql.append(outer).append(" IS NOT NULL AND ");
    }
    sql.append(outer).append(" IN (SELECT ");
    sql.enterSubquery();
    if (step.kind() == RelationInfo.Kind.MANY_TO_MANY) {
      String target = sql.dialect().quote(step.junctionTargetColumn());
      sql.append(sql.dialect().quote(step.junctionSourceColumn())).append(" FROM ")
          .append(sql.dialect().quote(step.junctionTable())).append(" WHERE ")
          .append(target).append(" IS NOT NULL AND ").append(target).append(" IN (SELECT ")
          .append(sql.dialect().quote(step.targetColumn())).append(" FROM ")
          .append(targetTable).append(" WHERE ");
      sql.enterSubquery();
      rest(sql, steps, from, condition);
      sql.exitSubquery();
      sql.append(")");
    } else {
      String target = sql.dialect().quote(step.targetColumn());
      sql.append(target).append(" FROM ").append(targetTable).append(" WHERE ");
      if (step.kind() != RelationInfo.Kind.TO_ONE) {
        sql.append(target).append(" IS NOT NULL AND ");
      }
      rest(sql, steps, from, condition);
    }
    sql.exitSubquery();
    sql.append("))");
  }

  /** The next step's membership, or at the end the condition itself; live rows only. */
  private static void rest(SqlWriter sql, List<RelationInfo<?, ?>> steps, int from,
      Condition<?> condition) {
    var target = steps.get(from).target().info();
    String live = target.live(c -> sql.qualified(target.table(), c));
    if (live != null) {
      sql.append(live).append(" AND ");
    }
    if (from + 1 < steps.size()) {
      related(sql, steps, from + 1, condition);
    } else {
      sql.append("(");
      condition.writeTo(sql);
      sql.append(")");
    }
  }
}
