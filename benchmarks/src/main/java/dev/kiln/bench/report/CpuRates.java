package dev.kiln.bench.report;

import java.util.Arrays;
import org.openjdk.jmh.util.ListStatistics;

/**
 * One contender's figures in the CPU-time check, a line {@code dev.kiln.bench.Compare} wrote:
 * median ops per second of the clock and of CPU time, bytes per operation, and every timed
 * round's ops per CPU-second in the order the contenders took turns.
 */
record CpuRates(double opsPerSecond, double opsPerCpuSecond, double bytesPerOp,
    double[] rounds) {

  /**
   * The fields after operation and contender; the rounds, space-separated, may be missing (a
   * file from before contenders took turns), and then ratios are of the medians.
   */
  static CpuRates parse(String[] fields) {
    double[] rounds = fields.length > 5 && !fields[5].isBlank()
        ? Arrays.stream(fields[5].trim().split(" ")).mapToDouble(Double::parseDouble).toArray()
        : new double[0];
    return new CpuRates(Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
        Double.parseDouble(fields[4]), rounds);
  }

  /**
   * This contender's rate over {@code base}'s by CPU time: the median of the ratios of rounds
   * taken in the same turn when both have them, since a change in the machine's speed reaches
   * both rounds of a turn alike; otherwise the ratio of the medians.
   */
  double ratioTo(CpuRates base) {
    double[] ratios = pairedRatios(base);
    return ratios.length == 0 ? opsPerCpuSecond / base.opsPerCpuSecond
        : new ListStatistics(ratios).getPercentile(50);
  }

  /** The lower and upper quartiles of the per-turn ratios to {@code base}; empty without rounds. */
  double[] quartilesTo(CpuRates base) {
    double[] ratios = pairedRatios(base);
    if (ratios.length == 0) {
      return ratios;
    }
    ListStatistics statistics = new ListStatistics(ratios);
    return new double[] {statistics.getPercentile(25), statistics.getPercentile(75)};
  }

  private double[] pairedRatios(CpuRates base) {
    if (rounds.length == 0 || rounds.length != base.rounds.length) {
      return new double[0];
    }
    double[] ratios = new double[rounds.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = rounds[i] / base.rounds[i];
    }
    return ratios;
  }
}
