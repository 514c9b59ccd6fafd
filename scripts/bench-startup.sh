#!/usr/bin/env bash
# Benchmark (d) of docs/benchmarks.md: time from JVM start to the first 200 on /ping (models loaded and warmed up).
# Usage: scripts/bench-startup.sh [model dir, default model/churn] [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
require_jar
model=${1:-model/churn}
runs=${2:-5}
port=${BENCH_PORT:-18081}
trap 'stop_server' EXIT
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of JVM flags on purpose
  java ${BENCH_JAVA_OPTS:-} -jar "$BATCHSERVE_JAR" serve --host 127.0.0.1 --port "$port" --model-dir "$model" \
    >/dev/null 2>&1 &
  SERVER_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping")" = 200 ]; do
    sleep 0.005
  done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms to the first 200 on /ping ($model)"
  stop_server
done
