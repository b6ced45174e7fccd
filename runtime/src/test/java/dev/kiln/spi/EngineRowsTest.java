package dev.kiln.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How large a query's result list starts. */
class EngineRowsTest {

  @Test
  void firstRunStartsAtASmallLimitOrAFewRows() {
    assertEquals(20, Engine.expectedRows(-1, 20));
    assertEquals(0, Engine.expectedRows(-1, 0));
    assertEquals(10, Engine.expectedRows(-1, -1), "no limit");
    assertEquals(10, Engine.expectedRows(-1, 1_000_000), "a limit too large to reserve");
  }

  @Test
  void laterRunsStartAtTheLastRunsRowsWithinTheLimit() {
    assertEquals(100, Engine.expectedRows(100, -1));
    assertEquals(1, Engine.expectedRows(100, 1), "first() after a list() of the same query");
    assertEquals(1, Engine.expectedRows(0, -1), "an empty result still makes room for one row");
    assertEquals(0, Engine.expectedRows(5, 0));
  }
}
