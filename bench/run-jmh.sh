#!/usr/bin/env bash
# Runs the JMH benchmarks of the physics core. Extra arguments go to JMH, e.g.
#   bench/run-jmh.sh IntegratorBenchmark -f 1 -wi 2 -i 3
# Keep runs short on shared machines (few forks and iterations).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl bench -am package -DskipTests -Djacoco.skip=true
CP="bench/target/classes:$(cat bench/target/jmh-classpath.txt)"
exec java -cp "$CP" org.openjdk.jmh.Main "${@:-IntegratorBenchmark}"
