#!/usr/bin/env bash
# Benchmarks (a) and (b) of docs/benchmarks.md, alternated in rounds so that both see the same machine:
#   (a) in process: 2 threads, each predicting the same 80,000 decoded churn rows per native call (predict only);
#   (b) the server (2 workers) over HTTP: those 80,000 rows as one CSV body (~6 MB) per request, 2 requests in
#       flight (wrk, 1 thread).
# Both use the same rows: the cost of walking the trees depends on the rows. The server starts once and is warmed up;
# each round then runs (a) in a fresh JVM (the server idle meanwhile) and (b) right after it, so a round's two figures
# see the same moment of this VM, whose speed drifts by 10-20 % from minute to minute. Prints each round, the medians
# of (a) and of (b), and the median of the rounds' ratios (the steadier figure when the machine drifts).
# Usage: scripts/bench-server-vs-inprocess.sh [rounds, default 7] [seconds per measurement, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
wrk_bench_setup
rounds=${1:-7}
seconds=${2:-15}
rows=80000
port=${BENCH_PORT:-18082}
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test
classpath="target/test-classes:target/classes:$(cat "$work/cp.txt")"
churn_csv "$rows" "$work/body.csv"
script=$(wrk_post_script "$work/body.csv" text/csv)
start_server "$port" "$work/server.log" --model-dir model/churn --workers 2
wrk -t1 -c2 -d10s -s "$script" "http://127.0.0.1:$port" >/dev/null
: >"$work/a.txt"
: >"$work/b.txt"
: >"$work/ratio.txt"
for round in $(seq 1 "$rounds"); do
  a=$(java -cp "$classpath" io.batchserve.bench.InProcessPredict 2 "$rows" "$seconds" "$work/body.csv" 2>/dev/null \
    | awk '/rows\/s/ {print $(NF-1)}')
  rps=$(wrk -t1 -c2 -d"${seconds}s" -s "$script" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}')
  b=$(awk -v r="$rps" -v n="$rows" 'BEGIN {printf "%.0f", r * n}')
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f", 100 * b / a}')
  echo "$a" >>"$work/a.txt"
  echo "$b" >>"$work/b.txt"
  echo "$ratio" >>"$work/ratio.txt"
  echo "round $round: (a) in process $a rows/s, (b) server $b records/s, (b)/(a) $ratio %"
done
median() { sort -n "$1" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
ma=$(median "$work/a.txt")
mb=$(median "$work/b.txt")
echo "median: (a) $ma rows/s, (b) $mb records/s, (b)/(a) $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.1f %%", 100 * b / a}')"
echo "median of the rounds' (b)/(a): $(median "$work/ratio.txt") %"
