#!/usr/bin/env bash
# The comparison a user would make: the churn model through a Python stack shaped like SageMaker's built-in XGBoost
# container (test/python/xgboost_flask_server.py: Debian's python3-xgboost 1.7.x, Flask, gunicorn with one sync
# worker per vCPU, OMP_NUM_THREADS=1) and through batchserve with each engine (2 workers), the same single-record
# CSV payload from the same client (wrk, on the same machine), in one run, alternating over ROUNDS rounds. Prints
# requests/s per stack and concurrency, and batchserve's ratios to Python. Installs what it needs with apt-get.
# Usage: scripts/bench-vs-python.sh [seconds per run, default 10] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
packages=(python3-xgboost python3-flask gunicorn wrk)
if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
fi
wrk_bench_setup
duration=${1:-10}
rounds=${2:-2}
port=${BENCH_PORT:-18082}
churn_csv 1 "$work/one.csv"
script=$(wrk_post_script "$work/one.csv" text/csv)
gunicorn_pid=

# The ubj model file of this repository, as xgboost 1.7 reads it.
start_python() {
  (cd test/python && OMP_NUM_THREADS=1 MODEL="$PWD/../../model/churn/xgboost-model.ubj" \
    /usr/bin/python3 -m gunicorn --workers "$(nproc)" --bind "127.0.0.1:$port" --log-level warning \
    xgboost_flask_server:app >"$work/python.log" 2>&1) &
  gunicorn_pid=$!
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping")" = 200 ] && return 0
    sleep 0.1
  done
  cat "$work/python.log" >&2
  exit 1
}

stop_python() {
  pkill -TERM -f "gunicorn.*127.0.0.1:$port" || true
  wait "$gunicorn_pid" 2>/dev/null || true
}

# run LABEL CONNECTIONS: one wrk run of the single-record payload; prints and records requests/s.
run() {
  local threads=2
  [ "$2" -lt 2 ] && threads=1
  wrk -t"$threads" -c"$2" -d"${duration}s" -s "$script" "http://127.0.0.1:$port" >"$work/w.txt"
  if grep -q "Non-2xx" "$work/w.txt"; then
    echo "$1: non-2xx answers" >&2
    exit 1
  fi
  echo "$1 $(awk '/Requests\/sec/ {print $2}' "$work/w.txt")" | tee -a "$work/results"
}

answer() { curl -s --data-binary @"$work/one.csv" -H 'Content-Type: text/csv' "http://127.0.0.1:$port/invocations"; }

for round in $(seq 1 "$rounds"); do
  echo "round $round"
  start_python
  echo "python answers $(answer)"
  run "python-c1" 1
  run "python-c32" 32
  stop_python
  for engine in java xgboost4j; do
    start_server "$port" "$work/server-$engine.log" --model-dir model/churn --workers 2 --engine "$engine"
    echo "batchserve ($engine) answers $(answer)"
    run "warm-up" 32 >/dev/null
    run "$engine-c1" 1
    run "$engine-c32" 32
    stop_server
  done
done
echo "medians over $rounds rounds, requests/s, and batchserve / python:"
for c in c1 c32; do
  median() { awk -v k="$1" '$1 == k {print $2}' "$work/results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  py=$(median "python-$c")
  java=$(median "java-$c")
  native=$(median "xgboost4j-$c")
  awk -v c="$c" -v p="$py" -v j="$java" -v n="$native" \
    'BEGIN {printf "%-4s python %9.0f  java %9.0f (%.1fx)  xgboost4j %9.0f (%.1fx)\n", c, p, j, j / p, n, n / p}'
done
