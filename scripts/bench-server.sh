#!/usr/bin/env bash
# Server benchmark (c) of docs/benchmarks.md, against the bundled churn model with 2 workers:
# SingleRecord traffic, 1-row requests at concurrency 1, 2, 8, 32, with coalescing (the default) and without
# (--max-batch-records 1: every request is its own native call).
# (b), MultiRecord throughput, is scripts/bench-server-vs-inprocess.sh.
# The load generator (wrk) shares the machine's cores with the server, as a co-located client would.
# Usage: scripts/bench-server.sh [seconds per run, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
wrk_bench_setup
duration=${1:-15}
port=${BENCH_PORT:-18080}

churn_csv 1 "$work/one.csv"
script=$(wrk_post_script "$work/one.csv" text/csv)
for mode in coalescing single; do
  flags=(--model-dir model/churn --workers 2)
  [ "$mode" = single ] && flags+=(--max-batch-records 1)
  start_server "$port" "$work/server-c-$mode.log" "${flags[@]}"
  for c in 1 2 8 32; do
    threads=$(( c < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$c" -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port" >"$work/c.txt"
    printf '(c) %-10s concurrency %2d: %8s requests/s, p50 %s, p99 %s\n' "$mode" "$c" \
      "$(awk '/Requests\/sec/ {print $2}' "$work/c.txt")" \
      "$(awk '$1 == "50%" {print $2}' "$work/c.txt")" "$(awk '$1 == "99%" {print $2}' "$work/c.txt")"
  done
  stop_server
done
