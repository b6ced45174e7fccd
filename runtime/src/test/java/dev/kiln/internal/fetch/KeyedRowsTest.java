package dev.kiln.internal.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.Dialect;
import dev.kiln.mapping.EntityInfo;
import dev.kiln.mapping.EntityMapping;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rows of a to-many statement, grouped by parent: each parent's children, in the order they
 * came, however its keys are found (by range or by map) and even when they came in several runs.
 */
class KeyedRowsTest {

  /** An entity with no relations, whose rows are kept as they are: a string. */
  private static final EntityMapping<String> LEAF = new EntityMapping<>() {
    private final EntityInfo info = new EntityInfo("Leaf", "leaf", List.of("id", "name"),
        List.of("id", "name"), List.of("id"));

    @Override
    public EntityInfo info() {
      return info;
    }

    @Override
    public String read(ResultSet rs, int first) {
      throw new UnsupportedOperationException("rows are added, not read");
    }

    @Override
    public Object key(String entity) {
      return entity;
    }

    @Override
    public Object value(String entity, int index) {
      return entity;
    }

    @Override
    public void check(String entity, Dialect dialect) {}
  };

  private static final Object[] NO_STATEMENTS = {};

  @Test
  void parentsKeyedByARangeFindTheirSlices() {
    KeyedRows rows = rows(4, 10);
    add(rows, 10, "a", "b", "c");
    add(rows, 12, "d");
    add(rows, 13, "e", "f");
    rows.finish();
    assertEquals(List.of("a", "b", "c"), rows.children(10, NO_STATEMENTS));
    assertEquals(List.of(), rows.children(11, NO_STATEMENTS));
    assertEquals(List.of("d"), rows.children(12, NO_STATEMENTS));
    assertEquals(List.of("e", "f"), rows.children(13, NO_STATEMENTS));
  }

  @Test
  void parentsKeyedOtherwiseFindTheirSlicesByKey() {
    KeyedRows rows = rows(0, 0);
    add(rows, 100, "x", "y");
    add(rows, 5, "z");
    add(rows, -3, "w", "v", "u");
    rows.finish();
    assertEquals(List.of("x", "y"), rows.children(100, NO_STATEMENTS));
    assertEquals(List.of("z"), rows.children(5, NO_STATEMENTS));
    assertEquals(List.of("w", "v", "u"), rows.children(-3, NO_STATEMENTS));
    assertEquals(List.of(), rows.children(7, NO_STATEMENTS));
  }

  @Test
  void childrenInSeveralRunsAreKeptWholeInOrder() {
    for (KeyedRows rows : List.of(rows(2, 1), rows(0, 0))) {
      add(rows, 1, "a");
      add(rows, 2, "b", "c");
      add(rows, 1, "d", "e");
      add(rows, 2, "f");
      add(rows, 1, "g");
      rows.finish();
      assertEquals(List.of("a", "d", "e", "g"), rows.children(1, NO_STATEMENTS));
      assertEquals(List.of("b", "c", "f"), rows.children(2, NO_STATEMENTS));
    }
  }

  @Test
  void moreRowsThanTheHintGrowTheBuffer() {
    KeyedRows rows = rows(3, 0);
    String[] many = new String[100];
    for (int i = 0; i < many.length; i++) {
      many[i] = "r" + i;
    }
    add(rows, 0, "first");
    add(rows, 1, many);
    add(rows, 2, "last");
    rows.finish();
    assertEquals(List.of("first"), rows.children(0, NO_STATEMENTS));
    assertEquals(List.of(many), rows.children(1, NO_STATEMENTS));
    assertEquals(List.of("last"), rows.children(2, NO_STATEMENTS));
  }

  @SuppressWarnings("unchecked")
  private static KeyedRows rows(int range, long min) {
    return new KeyedRows(new PlanNode(LEAF), new List[0], range, min);
  }

  private static void add(KeyedRows rows, long parent, String... children) {
    for (String child : children) {
      rows.add(parent, 0, child);
    }
  }
}
