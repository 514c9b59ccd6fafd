#!/usr/bin/env bash
# loadtest against wrk on the same warm churn server (docs/benchmarks.md, "Load generator"): is the project's
# load generator the bottleneck? One server (serve --model-dir model/churn --workers 2), then, alternating over
# ROUNDS rounds, wrk and loadtest at the same settings, each with its requests/s and its own CPU per request:
#   single-record CSV requests (one churn row, id column dropped) at concurrency 1, 8 and 32;
#   MultiRecord bodies of 6 MB (the same rows, repeated up to 6 MiB) at concurrency 2.
# wrk's CPU is its user + system time; loadtest's is what it reports for each run (its process's CPU time).
# loadtest sweeps 1, 2, 4, ... up to the concurrency and its rows at 1, 8 and 32 are compared.
# Usage: scripts/bench-loadtest-vs-wrk.sh [seconds per run, default 8] [rounds, default 2] [client, default socket]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
wrk_bench_setup
duration=${1:-8}
rounds=${2:-2}
client=${3:-socket}
port=${BENCH_PORT:-18083}
data=test/data/churn/customers-001.csv

cut -d, -f2- "$data" >"$work/rows.csv"
head -n 1 "$work/rows.csv" >"$work/single.csv"
# The rows again and again up to 6 MiB, as loadtest packs its MultiRecord bodies.
awk -v limit=$((6 * 1024 * 1024)) '{ row[NR] = $0 } END {
  for (i = 0; ; i++) { r = row[i % NR + 1]; size += length(r) + 1; if (size > limit) exit; print r } }' \
  "$work/rows.csv" >"$work/multi.csv"
multi_records=$(wc -l <"$work/multi.csv")

# wrk_run LABEL CONCURRENCY BODY RECORDS_PER_BODY: one wrk run; prints records/s and CPU per request.
wrk_run() {
  local label=$1 c=$2 body=$3 records=$4 script threads cpu
  script=$(wrk_post_script "$body" text/csv)
  threads=$(( c < 2 ? 1 : 2 ))
  cpu=$( { TIMEFORMAT='%U %S'; time wrk -t"$threads" -c"$c" -d"${duration}s" -s "$script" \
    "http://127.0.0.1:$port" >"$work/wrk.txt"; } 2>&1 )
  grep -q "Non-2xx" "$work/wrk.txt" && { grep "Non-2xx" "$work/wrk.txt" >&2; exit 1; }
  awk -v label="$label" -v r="$records" -v cpu="$cpu" '
    /^ +[0-9]+ requests in/ { requests = $1 }
    /Requests\/sec/ { rps = $2 }
    END { split(cpu, t, " "); printf "%-44s %10.0f records/s, %5.1f us CPU a request\n", label, rps * r,
          (t[1] + t[2]) * 1e6 / requests }' "$work/wrk.txt"
}

# loadtest_run LABEL MAX_CONCURRENCY PICK... [-- FLAGS]: one loadtest sweep; prints the runs at the picked levels.
loadtest_run() {
  local label=$1 max=$2 picks=$3
  shift 3
  java -jar "$BATCHSERVE_JAR" loadtest --url "http://127.0.0.1:$port" --data "$data" --drop-first-column \
    --max-concurrent-transforms "$max" --duration-seconds "$duration" --warmup-seconds 2 --repeat 1 --client "$client" \
    --out "$work" --name loadtest "$@" >"$work/loadtest.txt" 2>&1 || true
  for c in $picks; do
    grep -E "^(SingleRecord|6 MB) x $c: " "$work/loadtest.txt" | head -n 1 |
      awk -v label="$label x $c" '{
        rate = $0; sub(/^[^:]*: /, "", rate); sub(/ records.*/, "", rate); gsub(",", "", rate)
        us = $0; sub(/.* CPUs?, /, "", us); sub(/ µs.*/, "", us); gsub(",", "", us)
        printf "%-44s %10.0f records/s, %5.1f us CPU a request\n", label, rate, us }'
  done
}

start_server "$port" "$work/server.log" --model-dir model/churn --workers 2
# Warm the server up before the first measured run.
wrk_run "(warm-up) wrk single x 8" 8 "$work/single.csv" 1 >/dev/null
for round in $(seq 1 "$rounds"); do
  for c in 1 8 32; do
    wrk_run "round $round wrk single x $c" "$c" "$work/single.csv" 1
  done
  loadtest_run "round $round loadtest ($client) single" 32 "1 8 32" --batch-strategy SingleRecord
  wrk_run "round $round wrk 6 MB x 2" 2 "$work/multi.csv" "$multi_records"
  loadtest_run "round $round loadtest ($client) 6 MB" 2 "2" --max-payload-in-mb 6
done
