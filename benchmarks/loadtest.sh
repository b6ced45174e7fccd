#!/usr/bin/env bash
# Runs the load test and writes docs/loadtest.md:
#   benchmarks/loadtest.sh                              jdbc and kiln on SQLite and PostgreSQL,
#                                                       1, 8 and 64 clients, 20 s each
#   benchmarks/loadtest.sh --clients=1,4 --seconds=5    any of LoadTest's arguments
set -euo pipefail

cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl benchmarks -am -DskipTests package
java -cp benchmarks/target/kiln-benchmarks.jar dev.kiln.bench.load.LoadTest \
  --contenders=jdbc,kiln,jdbc-pg,kiln-pg --clients=1,8,64 --seconds=20 --out=docs/loadtest.md "$@"
