package dev.kiln.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kiln.migrations.dialect.SqlDialect;
import dev.kiln.spi.ValueTypes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A typed query's SQL is kept by its shape, so two conditions of one shape must write the same
 * text on each engine, and a writer for the values alone must gather what the full one binds.
 * Checked over conditions whose text depends on their values (list sizes, times finer than
 * PostgreSQL keeps) as well as on their structure.
 */
class ShapeTest {

  private static final String TABLE = "book";
  private static final NumberColumn<Object, Long> ID =
      new NumberColumn<>(TABLE, "id", "id", ValueTypes.LONG, false);
  private static final DecimalColumn<Object, BigDecimal> PRICE =
      new DecimalColumn<>(TABLE, "price", "price", ValueTypes.BIG_DECIMAL, false);
  private static final TextColumn<Object> TITLE =
      new TextColumn<>(TABLE, "title", "title", ValueTypes.STRING, true);
  private static final ComparableColumn<Object, LocalDateTime> AT =
      new ComparableColumn<>(TABLE, "at", "at", ValueTypes.LOCAL_DATE_TIME, true);

  private static final LocalDateTime NOON = LocalDateTime.of(2024, 1, 1, 12, 0);
  private static final LocalDateTime NOON_AND_NANOS = NOON.withNano(1_500);

  /** Conditions in many shapes, several of each with different values. */
  private static List<Condition<Object>> conditions() {
    List<Condition<Object>> all = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      BigDecimal price = BigDecimal.valueOf(n, 2);
      all.add(ID.eq(n));
      all.add(ID.gt(n));
      all.add(ID.between(n, n + 10));
      all.add(ID.eq(n).and(TITLE.startsWith("A" + n)));
      all.add(ID.eq(n).or(TITLE.contains("b" + n)).not());
      all.add(PRICE.between(price, price.add(BigDecimal.ONE)));
      all.add(PRICE.le(price));
      all.add(TITLE.endsWith("z" + n));
      all.add(TITLE.like("%" + n));
      all.add(TITLE.isNull());
      all.add(TITLE.isNotNull());
    }
    // Lists: integers and text travel as one parameter; decimals and times one each.
    all.add(ID.in(List.of(1L)));
    all.add(ID.in(List.of(1L, 2L, 3L)));
    all.add(ID.in(List.of()));
    all.add(ID.notIn(List.of(4L, 5L)));
    all.add(PRICE.in(List.of(BigDecimal.ONE)));
    all.add(PRICE.in(List.of(BigDecimal.TEN)));
    all.add(PRICE.in(List.of(BigDecimal.ONE, BigDecimal.TEN)));
    all.add(PRICE.notIn(List.of(BigDecimal.ONE, BigDecimal.TEN)));
    all.add(AT.in(List.of(NOON)));
    all.add(AT.in(List.of(NOON_AND_NANOS)));
    all.add(AT.in(List.of(NOON, NOON_AND_NANOS)));
    all.add(AT.in(List.of(NOON, NOON.plusHours(1))));
    // Times finer than PostgreSQL keeps change the SQL there.
    for (String operator : List.of("eq", "ne", "lt", "ge")) {
      for (LocalDateTime at : List.of(NOON, NOON.plusDays(1), NOON_AND_NANOS,
          NOON_AND_NANOS.plusDays(1))) {
        all.add(switch (operator) {
          case "eq" -> AT.eq(at);
          case "ne" -> AT.ne(at);
          case "lt" -> AT.lt(at);
          default -> AT.ge(at);
        });
      }
    }
    all.add(AT.between(NOON, NOON_AND_NANOS));
    all.add(AT.between(NOON_AND_NANOS, NOON.plusDays(1)));
    return all;
  }

  @Test
  void conditionsOfOneShapeWriteOneTextOnEachEngine() {
    for (SqlDialect dialect : List.of(SqlDialect.SQLITE, SqlDialect.POSTGRESQL)) {
      List<Condition<Object>> all = conditions();
      int sharedShapes = 0;
      for (Condition<Object> a : all) {
        for (Condition<Object> b : all) {
          Object keyA = key(dialect, a);
          assertNotNull(keyA, a + " describes its shape");
          if (keyA.equals(key(dialect, b))) {
            assertEquals(written(dialect, a).sql(), written(dialect, b).sql(),
                a + " and " + b + " share a shape on " + dialect);
            sharedShapes += a == b ? 0 : 1;
          }
        }
      }
      assertNotEquals(0, sharedShapes, "conditions with other values share shapes");
    }
  }

  @Test
  void aWriterForValuesGathersWhatTheFullOneBinds() {
    for (SqlDialect dialect : List.of(SqlDialect.SQLITE, SqlDialect.POSTGRESQL)) {
      for (Condition<Object> condition : conditions()) {
        SqlWriter full = written(dialect, condition);
        SqlWriter values = SqlWriter.forValues(dialect, Map.of(TABLE, "t0"), full.sql());
        condition.writeTo(values);
        assertEquals(full.keyValues(), values.keyValues(), condition + " on " + dialect);
        assertEquals(full.sql(), values.sql());
      }
    }
  }

  @Test
  void valuesThatChangeTheTextChangeTheShape() {
    SqlDialect postgres = SqlDialect.POSTGRESQL;
    assertNotEquals(key(postgres, AT.eq(NOON)), key(postgres, AT.eq(NOON_AND_NANOS)));
    assertEquals(key(SqlDialect.SQLITE, AT.eq(NOON)), key(SqlDialect.SQLITE,
        AT.eq(NOON_AND_NANOS)));
    assertNotEquals(key(postgres, PRICE.in(List.of(BigDecimal.ONE))),
        key(postgres, PRICE.in(List.of(BigDecimal.ONE, BigDecimal.TEN))));
    assertEquals(key(postgres, ID.in(List.of(1L))), key(postgres, ID.in(List.of(1L, 2L))));
    assertNotEquals(key(postgres, ID.in(List.of(1L))), key(postgres, ID.in(List.of())));
    assertNotEquals(key(postgres, ID.eq(1L).and(ID.eq(2L))),
        key(postgres, ID.eq(1L).or(ID.eq(2L))));
    assertNotEquals(key(postgres, ID.eq(1L)), key(postgres, ID.eq(1L).not()));
  }

  @Test
  void aConditionThatCannotDescribeItselfLeavesTheShapeUnknown() {
    Condition<Object> custom = sql -> sql.append("1 = 1");
    assertNull(key(SqlDialect.SQLITE, custom));
    assertNull(key(SqlDialect.SQLITE, ID.eq(1L).and(custom)));
    assertNull(key(SqlDialect.SQLITE, Condition.allOf()));
  }

  @Test
  void selectionsOfKilnsOwnKindsDescribeThemselves() {
    SqlDialect sqlite = SqlDialect.SQLITE;
    assertEquals(new Shape(sqlite, "test").items(List.of(ID, PRICE.sum(), Aggregate.count()))
        .key(), new Shape(sqlite, "test").items(List.of(ID, PRICE.sum(), Aggregate.count()))
        .key());
    assertNotEquals(new Shape(sqlite, "test").items(List.of(PRICE.sum())).key(),
        new Shape(sqlite, "test").items(List.of(PRICE.avg())).key());
    Selectable<Object, Long> custom = new Selectable<>() {
      @Override
      public String expression(SqlWriter sql) {
        return "42";
      }

      @Override
      public dev.kiln.spi.ValueType<Long> type() {
        return ValueTypes.LONG;
      }
    };
    assertNull(new Shape(sqlite, "test").items(List.of(ID, custom)).key(),
        "a selection Kiln did not make may write other SQL however it compares");
    assertNull(new Shape(sqlite, "test").items(List.of(Aggregate.of("max", custom,
        ValueTypes.LONG))).key());
  }

  private static Object key(SqlDialect dialect, Condition<Object> condition) {
    return new Shape(dialect, "test").condition(condition).key();
  }

  private static SqlWriter written(SqlDialect dialect, Condition<Object> condition) {
    SqlWriter sql = new SqlWriter(dialect, Map.of(TABLE, "t0"));
    condition.writeTo(sql);
    return sql;
  }
}
