#!/usr/bin/env bash
# Runs JMH benchmarks from src/test/java/io/batchserve/bench against the current sources.
# Usage: scripts/bench-jmh.sh [BenchmarkRegex] [JMH options, e.g. -t 2 -p rows=80000 -rf json -rff out.json]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
cp_file=target/bench-classpath.txt
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
