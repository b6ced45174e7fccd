package dev.kiln.internal;

import java.util.List;

/**
 * How an engine runs one statement.
 *
 * @param lines the engine's plan, one line per step, indented by nesting
 * @param scans the same steps in SQLite's words ({@code SCAN t}, {@code SEARCH t USING …}), which
 *     the plan check reads on either engine
 */
public record StatementPlan(List<String> lines, List<String> scans) {

  public StatementPlan {
    lines = List.copyOf(lines);
    scans = List.copyOf(scans);
  }
}
