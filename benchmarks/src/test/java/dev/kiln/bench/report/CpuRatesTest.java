package dev.kiln.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuRatesTest {

  private static CpuRates parse(String line) {
    return CpuRates.parse(line.split(","));
  }

  @Test
  void aRoundOnASlowerMachineDoesNotMoveTheRatio() {
    // The machine halves its speed from the third turn on; the contender's third round fell in
    // the slow part, its baseline's too.
    CpuRates base = parse("find,jdbc,1,100,1280,100 100 50 50 50");
    CpuRates kiln = parse("find,kiln,1,47.5,1320,95 95 47.5 47.5 47.5");

    assertEquals(0.95, kiln.ratioTo(base), 1e-9);
    assertEquals(0.475, kiln.opsPerCpuSecond() / base.opsPerCpuSecond(), 1e-9,
        "the ratio of the medians would have halved");
  }

  @Test
  void quartilesShowHowFarSingleTurnsStrayed() {
    CpuRates base = parse("page,jdbc,1,100,60000,100 100 100 100 100");
    CpuRates kiln = parse("page,kiln,1,100,64000,80 90 100 110 120");

    assertEquals(1.0, kiln.ratioTo(base), 1e-9);
    assertArrayEquals(new double[] {0.85, 1.15}, kiln.quartilesTo(base), 1e-9);
  }

  @Test
  void withoutRoundsTheRatioIsOfTheMedians() {
    CpuRates base = parse("find,jdbc,110000,110000,1280");
    CpuRates kiln = parse("find,kiln,99000,99000,1320");

    assertEquals(0.9, kiln.ratioTo(base), 1e-9);
    assertEquals(0, kiln.quartilesTo(base).length);
  }
}
