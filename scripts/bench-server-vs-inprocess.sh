#!/usr/bin/env bash
# Benchmarks (a) and (b) of docs/benchmarks.md, alternated in rounds so that both see the same machine:
#   (a) in process: 2 threads, each predicting 80,000 decoded churn rows per native call (predict only);
#   (b) the server (2 workers) over HTTP: 80,000-row (~6 MB) CSV bodies, 2 requests in flight (wrk, 1 thread).
# Prints each round and the medians, and (b)/(a).
# Usage: scripts/bench-server-vs-inprocess.sh [rounds, default 5] [seconds per measurement, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
wrk_bench_setup
rounds=${1:-5}
seconds=${2:-15}
rows=80000
port=${BENCH_PORT:-18082}
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat "$work/cp.txt")"
churn_csv "$rows" "$work/body.csv"
script=$(wrk_post_script "$work/body.csv" text/csv)
: >"$work/a.txt"
: >"$work/b.txt"
for round in $(seq 1 "$rounds"); do
  a=$(java -cp "$classpath" io.batchserve.bench.InProcessPredict 2 "$rows" "$seconds" 2>/dev/null \
    | awk '/rows\/s/ {print $(NF-1)}')
  start_server "$port" "$work/server.log" --model-dir model/churn --workers 2
  wrk -t1 -c2 -d3s -s "$script" "http://127.0.0.1:$port" >/dev/null
  rps=$(wrk -t1 -c2 -d"${seconds}s" -s "$script" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}')
  stop_server
  b=$(awk -v r="$rps" -v n="$rows" 'BEGIN {printf "%.0f", r * n}')
  echo "$a" >>"$work/a.txt"
  echo "$b" >>"$work/b.txt"
  echo "round $round: (a) in process $a rows/s, (b) server $b records/s, (b)/(a) $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f %%", 100 * b / a}')"
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median "$work/a.txt")
mb=$(median "$work/b.txt")
echo "median: (a) $ma rows/s, (b) $mb records/s, (b)/(a) $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.1f %%", 100 * b / a}')"
