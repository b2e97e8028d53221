#!/usr/bin/env bash
# Builds the benchmarks module with its reactor dependencies and runs JMH. Arguments go to JMH, e.g.
#   benchmarks/run-jmh.sh IpamAllocationBenchmark
# Each benchmark is bounded by AbstractMicrobenchmark's warm-up and measurement settings.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl benchmarks -am -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null
cp="benchmarks/target/classes:$(cat "$cp_file")"
for m in driver-api kernel state testkit ipam net-bridge dns ingress-lb volume-local mount-manager; do cp="$cp:$m/target/classes"; done
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
