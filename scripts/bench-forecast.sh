#!/usr/bin/env bash
# Forecaster server benchmarks of docs/benchmarks.md ("## Forecaster"), against the bundled forecaster with 2
# workers. Request bodies are the sample requests of test/data/forecast (120 days of history, 31 forecast days),
# repeated as needed.
#   (f1) one JSON Lines request of N items (N = 1, 100, 1000) at concurrency 1 and 2, reported as items/s.
#   (f2) single-record requests (one item each) at concurrency 4, with coalescing of queued requests (the default)
#        and without (--max-batch-records 1: every request runs its own 31-call recursion).
#   (f3) with --engines: the two engines side by side, alternating over ROUNDS rounds: single-item requests at
#        concurrency 4 and one request of 1,000 items at concurrency 1, with --engine xgboost4j and --engine java,
#        each server first warmed up, unmeasured, for WARMUP seconds (default 5) per shape.
#   (f5) with --paired: the two engines in two servers running at once, one request of 1,000 items at a time sent
#        to each in turn (the order alternating), PAIRS pairs after WARMUP_PAIRS unmeasured ones: both sides of a pair
#        see the same machine, so a shared machine's drift cancels out of the per-pair ratio. Prints the medians
#        and the quartiles of the ratio xgboost4j time / Java time.
# BENCH_JAVA_OPTS: JVM flags for the servers (default: none, the JVM's defaults); the image's are
#        "-XX:InitialRAMPercentage=25.0 -XX:MaxRAMPercentage=70.0 -XX:+UseG1GC" (Dockerfile; before
#        the change in docs/benchmarks.md "JVM flags", -XX:+UseParallelGC).
#   (f4) with --against DIR: this checkout against another (DIR: a checkout of an earlier commit with its jar built,
#        e.g. `git worktree add /tmp/old HEAD~5 && (cd /tmp/old && mvn -B -q package -DskipTests)`), each with its
#        own jar, model/forecast and test/data/forecast, alternating over ROUNDS rounds: one request of 1,000 items at
#        concurrency 1 and 2. The old side sends its own samples (what its model reads), the new side its own.
# The load generator (wrk) shares the machine's cores with the server, as a co-located client would.
# Usage: scripts/bench-forecast.sh [seconds per run, default 15]
#        scripts/bench-forecast.sh --engines [seconds per run, default 15] [rounds, default 2]
#        scripts/bench-forecast.sh --against DIR [seconds per run, default 15] [rounds, default 2]
#        scripts/bench-forecast.sh --paired [pairs, default 100]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
wrk_bench_setup
engines=false
paired=false
against=
if [ "${1:-}" = --engines ]; then
  engines=true
  shift
elif [ "${1:-}" = --paired ]; then
  paired=true
  shift
elif [ "${1:-}" = --against ]; then
  against=${2:?--against needs a directory}
  shift 2
  [ -f "$against/target/batchserve.jar" ] || { echo "$against/target/batchserve.jar is missing: build it" >&2; exit 2; }
fi
duration=${1:-15}
port=${BENCH_PORT:-18081}

# forecast_jsonl N FILE [CHECKOUT]: N sample request lines of CHECKOUT (default .), repeated as needed, into FILE.
forecast_jsonl() {
  cat "${3:-.}"/test/data/forecast/items-*.jsonl |
    awk -v n="$1" '{a[NR]=$0} END {for (i=0;i<n;i++) print a[i%NR+1]}' >"$2"
}

# run LABEL ITEMS_PER_REQUEST CONCURRENCY BODYFILE: one wrk run, printed as requests/s and items/s.
run() {
  local label=$1 items=$2 c=$3 body=$4 script threads
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/jsonlines' --data-binary @"$body" \
    "http://127.0.0.1:$port/invocations")
  [ "$code" = 200 ] || { echo "$label: the request answers $code, not 200" >&2; exit 1; }
  script=$(wrk_post_script "$body" application/jsonlines)
  threads=$(( c < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$c" -d"${duration}s" --latency -s "$script" "http://127.0.0.1:$port" >"$work/wrk.txt"
  grep -q "Non-2xx" "$work/wrk.txt" && { grep "Non-2xx" "$work/wrk.txt" >&2; exit 1; }
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  printf '%s %4d items/request, concurrency %d: %9s requests/s = %7.0f items/s, p50 %s, p99 %s\n' "$label" \
    "$items" "$c" "$rps" "$(awk -v r="$rps" -v n="$items" 'BEGIN {print r * n}')" \
    "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
}

if [ -n "$against" ]; then
  forecast_jsonl 1000 "$work/old-1000.jsonl" "$against"
  forecast_jsonl 1000 "$work/new-1000.jsonl"
  new_jar=$BATCHSERVE_JAR
  for round in $(seq 1 "${2:-2}"); do
    for side in old new; do
      if [ "$side" = old ]; then BATCHSERVE_JAR=$against/target/batchserve.jar; dir=$against; else BATCHSERVE_JAR=$new_jar; dir=.; fi
      # 1,000 items with prices and special days are about 7 MB: both sides accept up to 10 MB.
      start_server "$port" "$work/server-f4-$side.log" --model-dir "$dir/model/forecast" --workers 2 \
        --max-payload-in-mb 10
      for c in 1 2; do
        run "(f4) round $round $side" 1000 "$c" "$work/$side-1000.jsonl"
      done
      stop_server
    done
  done
  exit 0
fi

# post PORT: one 1,000-item request; prints its time in seconds, or fails on an answer other than 200.
post() {
  timed_post "$1" "$work/items-1000.jsonl" application/jsonlines
}

if [ "$paired" = true ]; then
  pairs=${1:-100}
  forecast_jsonl 1000 "$work/items-1000.jsonl"
  start_server "$port" "$work/server-f5-xgboost4j.log" --model-dir model/forecast --workers 2 \
    --engine xgboost4j --max-payload-in-mb 10
  xgboost_pid=$SERVER_PID
  start_server "$((port + 1))" "$work/server-f5-java.log" --model-dir model/forecast --workers 2 \
    --engine java --max-payload-in-mb 10
  trap 'kill "$xgboost_pid" "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
  for i in $(seq 1 "${WARMUP_PAIRS:-20}"); do
    post "$port" >/dev/null
    post "$((port + 1))" >/dev/null
  done
  for i in $(seq 1 "$pairs"); do
    if [ $((i % 2)) = 1 ]; then
      x=$(post "$port")
      j=$(post "$((port + 1))")
    else
      j=$(post "$((port + 1))")
      x=$(post "$port")
    fi
    echo "$x $j" >>"$work/pairs.txt"
  done
  median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
  quartile() { sort -g | awk -v q="$1" '{a[NR]=$1} END {i=int(NR*q+0.5); if (i<1) i=1; print a[i]}'; }
  ratios=$(awk '{printf "%.4f\n", $1 / $2}' "$work/pairs.txt")
  printf '(f5) %d pairs of one 1,000-item request, concurrency 1: xgboost4j median %.1f ms, Java median %.1f ms\n' \
    "$pairs" "$(awk '{print $1 * 1000}' "$work/pairs.txt" | median)" "$(awk '{print $2 * 1000}' "$work/pairs.txt" | median)"
  printf '(f5) xgboost4j time / Java time per pair: median %s, quartiles %s and %s, lowest %s\n' \
    "$(echo "$ratios" | median)" "$(echo "$ratios" | quartile 0.25)" "$(echo "$ratios" | quartile 0.75)" \
    "$(echo "$ratios" | sort -g | head -1)"
  exit 0
fi

if [ "$engines" = true ]; then
  forecast_jsonl 1 "$work/items-1.jsonl"
  forecast_jsonl 1000 "$work/items-1000.jsonl"
  for round in $(seq 1 "${2:-2}"); do
    for engine in xgboost4j java; do
      start_server "$port" "$work/server-f3-$engine.log" --model-dir model/forecast --workers 2 --engine "$engine" \
        --max-payload-in-mb 10
      # Unmeasured warm-up of both shapes, so that each round compares JIT-compiled steady states.
      wrk -t1 -c1 -d"${WARMUP:-5}s" -s "$(wrk_post_script "$work/items-1000.jsonl" application/jsonlines)" \
        "http://127.0.0.1:$port" >/dev/null
      wrk -t2 -c4 -d"${WARMUP:-5}s" -s "$(wrk_post_script "$work/items-1.jsonl" application/jsonlines)" \
        "http://127.0.0.1:$port" >/dev/null
      run "(f3) round $round $engine" 1 4 "$work/items-1.jsonl"
      run "(f3) round $round $engine" 1000 1 "$work/items-1000.jsonl"
      stop_server
    done
  done
  exit 0
fi

start_server "$port" "$work/server-f1.log" --model-dir model/forecast --workers 2 --max-payload-in-mb 10
for n in 1 100 1000; do
  forecast_jsonl "$n" "$work/items-$n.jsonl"
  for c in 1 2; do
    run "(f1)" "$n" "$c" "$work/items-$n.jsonl"
  done
done
stop_server

for mode in coalescing single; do
  flags=(--model-dir model/forecast --workers 2)
  [ "$mode" = single ] && flags+=(--max-batch-records 1)
  start_server "$port" "$work/server-f2-$mode.log" "${flags[@]}"
  run "(f2) $mode" 1 4 "$work/items-1.jsonl"
  stop_server
done
