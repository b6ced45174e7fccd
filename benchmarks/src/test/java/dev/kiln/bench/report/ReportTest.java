package dev.kiln.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  private static Report.Result result(String benchmark, String contender, double score,
      double error) {
    return new Report.Result(benchmark, contender, score, error, Double.NaN);
  }

  @Test
  void steadinessGivesTheBaselinesMedianAndLargestError() {
    Report report = new Report(List.of(
        result("FindById.oneThread", "jdbc", 100_000, 10_000),
        result("FindById.oneThread", "kiln", 100_000, 90_000), // not a baseline: left out
        result("Page.page", "jdbc", 8_000, 400),
        result("Page.page", "jdbc-pg", 6_000, 3_000)), Map.of(), Map.of());

    assertEquals(" How steady the machine was shows in the baselines' own errors: a median of"
        + " ±10% of their rates over 3 results, the largest ±50% (`Page.page`, `jdbc-pg`).",
        report.steadiness());
  }

  @Test
  void anEvenNumberOfBaselinesTakesTheMeanOfTheMiddleTwo() {
    Report report = new Report(List.of(
        result("FindById.oneThread", "jdbc", 100, 10),
        result("Page.page", "jdbc", 100, 20)), Map.of(), Map.of());

    assertEquals(" How steady the machine was shows in the baselines' own errors: a median of"
        + " ±15% of their rates over 2 results, the largest ±20% (`Page.page`, `jdbc`).",
        report.steadiness());
  }

  @Test
  void aRunWithoutBaselinesSaysNothing() {
    Report report = new Report(List.of(result("FindById.oneThread", "kiln", 100, 10)),
        Map.of(), Map.of());

    assertEquals("", report.steadiness());
  }

  @Test
  void aTargetIsMetOnlyWhenJmhAndTheCpuTimeCheckBothMeetIt() {
    assertEquals(Report.MET, Report.status(0.97, 0.95, 0.10, Double.NaN));
    assertEquals(Report.MET, Report.status(0.97, 0.95, 0.10, 0.96));
    assertEquals(Report.NOISE, Report.status(0.97, 0.95, 0.10, 0.88), "the measures disagree");
    assertEquals(Report.NOISE, Report.status(0.90, 0.95, 0.10, 0.96), "short within JMH's error");
    assertEquals(Report.MISSED, Report.status(0.80, 0.95, 0.10, 0.96), "short beyond it");
    assertEquals(Report.MISSED, Report.status(0.90, 0.95, 0.10, 0.90), "short by both");
  }
}
