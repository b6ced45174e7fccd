#!/usr/bin/env bash
# Runs the benchmark suite and publishes the results:
#   docs/benchmarks.md   every number (ops/s, error, ratio to hand-written JDBC done well)
#   docs/benchmarks.png  the chart
#   README.md            the results block between its benchmark-results markers
#
#   benchmarks/run.sh                      the whole suite, JMH_ARGS below (about 20 minutes)
#   benchmarks/run.sh 'FindById|Page'      only the benchmarks matching a regular expression
#   JMH_ARGS='-f 1 -wi 1 -w 1s -i 1 -r 1s' benchmarks/run.sh    a quicker, rougher run
#
# Run it on a quiet machine: every benchmark and contender gets a JVM of its own, and other
# processes competing for the cores move the numbers.
set -euo pipefail

cd "$(dirname "$0")/.."
JMH_ARGS=${JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s}
RESULT=benchmarks/target/jmh-result.json
JAR=benchmarks/target/kiln-benchmarks.jar

mvn -B -ntp -q -pl benchmarks -am -DskipTests package
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
java -jar "$JAR" $JMH_ARGS -rf json -rff "$RESULT" "$@"
java -Djava.awt.headless=true -cp "$JAR" dev.kiln.bench.report.Report "$RESULT" docs README.md
