#!/usr/bin/env bash
# JVM flags benchmark of docs/benchmarks.md ("## JVM flags"): the same jar under several sets of JVM flags, one
# server per set, all running at once, so that a shared machine's drift falls on every set alike.
#   (j1) one request of 1,000 forecaster items (120 days of history, 31 days; 7 MB of JSON Lines), at concurrency 1,
#        sent to each server in turn (the order rotating), REQUESTS rounds after 20 unmeasured ones.
#   (j2) one MultiRecord churn request of 80,000 rows (6 MB of CSV), the same way.
#   (j3) single-row churn requests at concurrency 32 (wrk), SECONDS per set, the sets in turn, over 3 rounds, after
#        WARMUP seconds (default 20) of unmeasured load per set.
# Each server has 2 workers, the engine `auto` and its own flags. Prints, per set and workload, the median (and
# quartiles) of request times, or requests/s, and its ratio to the first set's.
# A set is LABEL=FLAGS; the default sets are the image's flags before and after the change docs/benchmarks.md
# describes, and the JVM's defaults.
# Usage: scripts/bench-jvm-flags.sh [requests per set, default 100] [seconds per wrk run, default 5] [LABEL=FLAGS ...]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
wrk_bench_setup
requests=${1:-100}
seconds=${2:-5}
shift $(( $# < 2 ? $# : 2 ))
sets=("$@")
if [ ${#sets[@]} = 0 ]; then
  sets=(
    "image-parallelgc=-XX:InitialRAMPercentage=25.0 -XX:MaxRAMPercentage=70.0 -XX:+UseParallelGC"
    "image-g1=-XX:InitialRAMPercentage=25.0 -XX:MaxRAMPercentage=70.0"
    "jvm-defaults="
  )
fi
base_port=${BENCH_PORT:-18110}
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

# start MODEL_DIR: one server per set on ports base_port, base_port+1, ...
start_all() {
  local k=0 spec
  pids=()
  for spec in "${sets[@]}"; do
    BENCH_JAVA_OPTS="${spec#*=}" start_server "$((base_port + k))" "$work/server-$k.log" --model-dir "$1" \
      --workers 2 --max-payload-in-mb 10
    pids+=("$SERVER_PID")
    k=$((k + 1))
  done
}

stop_all() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  pids=()
}

# round_robin LABEL BODY TYPE: REQUESTS rounds of one request to each server, the first server of a round rotating.
round_robin() {
  local label=$1 body=$2 type=$3 n=${#sets[@]} i k first
  for i in $(seq 1 20); do
    for k in $(seq 0 $((n - 1))); do timed_post "$((base_port + k))" "$body" "$type" >/dev/null; done
  done
  for k in $(seq 0 $((n - 1))); do : >"$work/times-$k.txt"; done
  for i in $(seq 1 "$requests"); do
    first=$((i % n))
    for k in $(seq 0 $((n - 1))); do
      k=$(((first + k) % n))
      timed_post "$((base_port + k))" "$body" "$type" >>"$work/times-$k.txt"
    done
  done
  report_times "$label"
}

report_times() {
  local k base median
  for k in "${!sets[@]}"; do
    read -r median p25 p75 < <(sort -g "$work/times-$k.txt" |
      awk '{a[NR]=$1*1000} END {print a[int((NR+1)/2)], a[int(NR/4)+1], a[int(NR*3/4)]}')
    [ "$k" = 0 ] && base=$median
    printf '%s %-18s median %7.1f ms (quartiles %.1f, %.1f), %.2fx as fast as the first set\n' \
      "$1" "${sets[$k]%%=*}" "$median" "$p25" "$p75" "$(echo "$median $base" | awk '{print $2 / $1}')"
  done
}

forecast_body="$work/items-1000.jsonl"
cat test/data/forecast/items-*.jsonl | awk '{a[NR]=$0} END {for (i=0;i<1000;i++) print a[i%NR+1]}' >"$forecast_body"
start_all model/forecast
round_robin "(j1) forecaster 1,000 items:" "$forecast_body" application/jsonlines
stop_all

churn_csv 80000 "$work/body.csv"
churn_csv 1 "$work/one.csv"
start_all model/churn
round_robin "(j2) churn 80,000 rows:" "$work/body.csv" text/csv
script=$(wrk_post_script "$work/one.csv" text/csv)
# Unmeasured warm-up: the HTTP path takes 15-20 s of this load to reach its steady state.
for k in "${!sets[@]}"; do
  wrk -t2 -c32 -d"${WARMUP:-20}s" -s "$script" "http://127.0.0.1:$((base_port + k))" >/dev/null
done
for round in 1 2 3; do
  for k in "${!sets[@]}"; do
    wrk -t2 -c32 -d"${seconds}s" -s "$script" "http://127.0.0.1:$((base_port + k))" |
      awk '/Requests\/sec/ {print $2}' >>"$work/rps-$k.txt"
  done
done
for k in "${!sets[@]}"; do
  rps=$(sort -g "$work/rps-$k.txt" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  [ "$k" = 0 ] && base_rps=$rps
  printf '(j3) single-row churn, concurrency 32: %-18s median of 3 runs %8.0f requests/s, %.2fx as fast as the first set\n' \
    "${sets[$k]%%=*}" "$rps" "$(echo "$rps $base_rps" | awk '{print $1 / $2}')"
done
stop_all
