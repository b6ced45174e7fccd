#!/usr/bin/env bash
# Runs the benchmark suite and publishes the results:
#   docs/benchmarks.md   every number (ops/s, error, ratio to hand-written JDBC done well)
#   docs/benchmarks.png  the chart
#   README.md            the results block between its benchmark-results markers
#
#   benchmarks/run.sh                      the whole suite, JMH_ARGS below, and the CPU-time check
#                                          (about two hours)
#   benchmarks/run.sh 'FindById|Page'      only the benchmarks matching a regular expression
#   JMH_ARGS='-f 1 -wi 1 -w 1s -i 1 -r 1s' CPU_CHECK=0 benchmarks/run.sh    quicker and rougher
#
# After JMH, unless CPU_CHECK=0, dev.kiln.bench.Compare measures Kiln and hand-written JDBC once
# more by the CPU time of the benchmark thread, which other processes competing for the cores do
# not disturb the way they disturb JMH's clock; its contenders' JVMs take turns of 0.3 s, and each
# ratio is the median of the turns' ratios, so a slower patch of the machine reaches both sides.
# Run it on a quiet machine all the same: JMH's numbers move with the machine's load.
# The report states how steady the run was (the median and largest JMH error of the hand-written
# JDBC baselines): compare it with the published run's before replacing that.
set -euo pipefail

cd "$(dirname "$0")/.."
JMH_ARGS=${JMH_ARGS:--f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc}
CPU_CHECK=${CPU_CHECK:-1}
RESULT=benchmarks/target/jmh-result.json
CPU_RESULT=benchmarks/target/cpu-check.csv
JAR=benchmarks/target/kiln-benchmarks.jar

mvn -B -ntp -q -pl benchmarks -am -DskipTests package
rm -f "$CPU_RESULT"
# shellcheck disable=SC2086 # JMH_ARGS is a list of options
java -jar "$JAR" $JMH_ARGS -rf json -rff "$RESULT" "$@"
if [ "$CPU_CHECK" != 0 ]; then
  # jdbc-again is jdbc once more in a JVM of its own, a control on every line: its ratio to jdbc
  # is how far identical code lands by luck alone, what the check cannot tell from 1.00.
  CONTROL=jdbc-again
  for op in find page eager report insert update lean-eager lean-nn lean-mn; do
    contenders="jdbc kiln"
    pg="jdbc-pg kiln-pg"
    pg_rounds="-Drounds=45"
    [ "$op" = eager ] && contenders="jdbc jdbc-range jdbc-join kiln"
    if [ "$op" = insert ]; then
      contenders="jdbc jdbc-keys kiln kiln-bulk"
      pg="jdbc-pg jdbc-keys-pg kiln-pg kiln-bulk-pg"
      # An insert of 1,000 takes some 20 ms there: 1 s rounds, or a round holds too few to steady.
      pg_rounds="-Drounds=45 -DroundMillis=1000"
    fi
    contenders="$contenders $CONTROL"
    pg="$pg $CONTROL-pg"
    # shellcheck disable=SC2086 # contenders is a list
    java -Dcompare.csv="$CPU_RESULT" -cp "$JAR" dev.kiln.bench.Compare "$op" $contenders
    # The same operation on PostgreSQL (embedded, on loopback), Kiln against JDBC done well there.
    # Three times the turns: a contender's rate per CPU-second moves by a fifth from one round to
    # the next there, unlike its rival's, and the median of 45 turns is only good to about 5%.
    # shellcheck disable=SC2086 # pg and pg_rounds are lists
    java $pg_rounds -Dcompare.csv="$CPU_RESULT" -cp "$JAR" dev.kiln.bench.Compare "$op" $pg
  done
  # Two threads at once: their operations over their CPU time together, where JMH's clock moves
  # by a third from one run to the next.
  for op in find lean-find; do
    java -Dthreads=2 -Druns=5 -Dcompare.csv="$CPU_RESULT" -cp "$JAR" dev.kiln.bench.Compare "$op" \
      jdbc kiln "$CONTROL"
    java -Dthreads=2 -Druns=5 -Dcompare.csv="$CPU_RESULT" -cp "$JAR" dev.kiln.bench.Compare "$op" \
      jdbc-pg kiln-pg "$CONTROL-pg"
  done
fi
java -Djava.awt.headless=true -cp "$JAR" dev.kiln.bench.report.Report "$RESULT" docs README.md
