#!/usr/bin/env bash
# Two builds of the server side by side on the same small-request load, alternating rounds so that the machine's
# drift hits both alike: single-record churn requests (wrk, one CSV row per POST) at concurrency 1 and 32 against
# 2 workers, and GET /execution-parameters at concurrency 1 and 32 as the HTTP baseline. Prints each round and the
# ratio B/A of the medians. Used in docs/benchmarks.md to check that a change to the request path costs nothing.
# Usage: scripts/bench-ab-jars.sh A.jar B.jar [rounds, default 3] [seconds per run, default 10]
# ROWS=N (N > 1) measures MultiRecord bodies instead: N churn rows per POST (80,000 rows are about 6 MB) at
# concurrency 2 (the workers), reported as records/s.
# A_FLAGS and B_FLAGS add serve flags to each side, so one jar can be compared with itself, e.g.
#   A_FLAGS="--engine xgboost4j" B_FLAGS="--engine java" scripts/bench-ab-jars.sh target/batchserve.jar target/batchserve.jar
# A_ENV and B_ENV set environment variables (NAME=VALUE, space-separated) for each side's server; a variable named
# on either side is unset for the other, e.g. the native library's threads with and without OMP_NUM_THREADS:
#   A_FLAGS="--engine xgboost4j" B_FLAGS="--engine xgboost4j" B_ENV="OMP_NUM_THREADS=1" scripts/bench-ab-jars.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
[ $# -ge 2 ] || { echo "usage: $0 A.jar B.jar [rounds] [seconds]" >&2; exit 2; }
jar_a=$1 jar_b=$2 rounds=${3:-3} duration=${4:-10}
export BATCHSERVE_JAR=$jar_a
wrk_bench_setup
port=${BENCH_PORT:-18081}
rows=${ROWS:-1}
churn_csv "$rows" "$work/body.csv"
script=$(wrk_post_script "$work/body.csv" text/csv)

# run LABEL CONNECTIONS SCRIPT_OR_EMPTY PATH: one wrk run; appends "LABEL requests/s" to $work/results unless the
# label starts with "warm-up".
run() {
  local label=$1 c=$2 lua=$3 path=$4 threads=2
  [ "$c" -lt 2 ] && threads=1
  if [ -n "$lua" ]; then
    wrk -t"$threads" -c"$c" -d"${duration}s" -s "$lua" "http://127.0.0.1:$port" >"$work/w.txt"
  else
    wrk -t"$threads" -c"$c" -d"${duration}s" "http://127.0.0.1:$port$path" >"$work/w.txt"
  fi
  case "$label" in
    *warm-up*) ;;
    *) echo "$label $(awk -v n="$rows" '/Requests\/sec/ {print $2 * n}' "$work/w.txt")" | tee -a "$work/results" ;;
  esac
}

# side_env NAME=VALUE...: unsets every variable A_ENV or B_ENV names, then exports the given ones.
side_env() {
  local kv
  for kv in ${A_ENV:-} ${B_ENV:-}; do
    unset "${kv%%=*}"
  done
  for kv in "$@"; do
    export "${kv?}"
  done
}

for round in $(seq 1 "$rounds"); do
  for side in A B; do
    export BATCHSERVE_JAR=$jar_a
    read -r -a extra <<<"${A_FLAGS:-}"
    read -r -a vars <<<"${A_ENV:-}"
    if [ "$side" = B ]; then
      export BATCHSERVE_JAR=$jar_b
      read -r -a extra <<<"${B_FLAGS:-}"
      read -r -a vars <<<"${B_ENV:-}"
    fi
    side_env "${vars[@]}"
    start_server "$port" "$work/server-$side.log" --model-dir model/churn --workers 2 "${extra[@]}"
    if [ "$rows" -gt 1 ]; then
      run "$side warm-up" 2 "$script" /invocations
      run "$side records-c2" 2 "$script" /invocations
    else
      run "$side warm-up" 32 "$script" /invocations
      run "$side invocations-c1" 1 "$script" /invocations
      run "$side invocations-c32" 32 "$script" /invocations
      run "$side execution-parameters-c1" 1 "" /execution-parameters
      run "$side execution-parameters-c32" 32 "" /execution-parameters
    fi
    stop_server
  done
  echo "round $round done"
done
awk '{k=$1" "$2; v[k]=v[k]" "$3} END {for (k in v) print k v[k]}' "$work/results" | sort >"$work/by"
echo "median requests/s (records/s with ROWS) over $rounds rounds (A = $jar_a, B = $jar_b):"
while read -r side label values; do
  echo "$side $label $(echo "$values" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
done <"$work/by" | tee "$work/medians"
labels="invocations-c1 invocations-c32 execution-parameters-c1 execution-parameters-c32"
[ "$rows" -gt 1 ] && labels=records-c2
for label in $labels; do
  a=$(awk -v l="$label" '$1 == "A" && $2 == l {print $3}' "$work/medians")
  b=$(awk -v l="$label" '$1 == "B" && $2 == l {print $3}' "$work/medians")
  awk -v l="$label" -v a="$a" -v b="$b" 'BEGIN {printf "%-26s B/A = %.2f\n", l, b / a}'
done
