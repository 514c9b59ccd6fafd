#!/usr/bin/env bash
# Harness benchmarks of docs/benchmarks.md ("## Harness"), against the bundled churn model served with 2 workers.
#   (h1) A ~1 GB, ~10.5 million-line churn CSV (customer id first) through `transform` with the harness JVM at
#        -Xmx256m, as the churn sample job does it (InputFilter $[1:], JoinSource Input, OutputFilter $[0,-1]):
#        wall time, peak RSS of the harness process, input and output line counts.
#   (h2) Harness end-to-end records/s against the server's own MultiRecord records/s, in the same run, rounds
#        interleaved: wrk POSTs the same-size bodies (MaxPayloadInMB 4) at concurrency 2; the harness transforms a
#        feature-only file with MultiRecord, MaxPayloadInMB 4, MaxConcurrentTransforms 2. Harness time is the
#        whole `java -jar ... transform` command, JVM start included.
# The server runs as its own process (--endpoint), so the RSS is the harness's alone. All processes share the
# machine's cores, as they would on one instance.
# Usage: scripts/bench-transform.sh [h1 lines, default 10500000] [h2 lines, default 4000000] [h2 rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
require_jar
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed: apt-get install -y time" >&2; exit 1; }
big_lines=${1:-10500000}
fast_lines=${2:-4000000}
rounds=${3:-3}
port=${BENCH_PORT:-18090}
work=${BENCH_DIR:-target/bench-transform}
rm -rf "$work" && mkdir -p "$work/big" "$work/fast"
trap 'stop_server' EXIT

# churn_rows_with_ids ROWS FILE: sample rows with a 21-character customer id, repeated.
churn_rows_with_ids() {
  cut -d, -f2- test/data/churn/customers-*.csv \
    | awk -v n="$1" '{a[NR]=$0} END {for (i=0;i<n;i++) printf "customer-%012d,%s\n", i, a[i%NR+1]}' >"$2"
}

transform() { # transform OUT_DIR LOG [flags...]: the harness at -Xmx256m under GNU time
  local out=$1 log=$2
  shift 2
  /usr/bin/time -f 'wall_seconds %e maxrss_kb %M' java -Xmx256m -jar "$BATCHSERVE_JAR" transform \
    --endpoint "http://127.0.0.1:$port" --output "$out" --content-type text/csv --accept text/csv \
    --split-type Line --assemble-with Line --batch-strategy MultiRecord --max-concurrent-transforms 2 \
    --progress none "$@" >"$log" 2>&1
}

start_server "$port" "$work/server.log" --model-dir model/churn --workers 2

echo "(h1) generating $big_lines lines"
churn_rows_with_ids "$big_lines" "$work/big/customers.csv"
bytes=$(stat -c %s "$work/big/customers.csv")
echo "(h1) $bytes bytes; transforming with -Xmx256m"
transform "$work/big-out" "$work/h1.log" --input "$work/big/customers.csv" --max-payload-in-mb 6 \
  --input-filter '$[1:]' --join-source Input --output-filter '$[0,-1]'
cat "$work/h1.log"
in_lines=$(wc -l <"$work/big/customers.csv")
out_lines=$(wc -l <"$work/big-out/customers.csv.out")
read -r _ wall _ rss < <(grep wall_seconds "$work/h1.log")
printf '(h1) input %s bytes, %s lines; output %s lines; wall %s s; harness peak RSS %.0f MiB\n' \
  "$bytes" "$in_lines" "$out_lines" "$wall" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
[ "$in_lines" = "$out_lines" ] || { echo "(h1) FAILED: line counts differ" >&2; exit 1; }
rm -rf "$work/big" "$work/big-out"

churn_csv "$fast_lines" "$work/fast/features.csv"
avg=$(awk '{n += length($0) + 1} END {print n / NR}' "$work/fast/features.csv")
per_request=$(awk -v a="$avg" 'BEGIN {printf "%d", 4 * 1048576 / a}')
head -n "$per_request" "$work/fast/features.csv" >"$work/body.csv"
script=$(wrk_post_script "$work/body.csv" text/csv)
echo "(h2) $fast_lines lines; wrk bodies of $per_request lines ($(stat -c %s "$work/body.csv") bytes)"
for round in $(seq 1 "$rounds"); do
  wrk -t2 -c2 -d20s --timeout 60s -s "$script" "http://127.0.0.1:$port" >"$work/wrk.txt"
  server=$(awk -v n="$per_request" '/Requests\/sec/ {printf "%.0f", $2 * n}' "$work/wrk.txt")
  transform "$work/fast-out" "$work/h2.log" --input "$work/fast/features.csv" --max-payload-in-mb 4
  read -r _ wall _ _ < <(grep wall_seconds "$work/h2.log")
  harness=$(awk -v n="$fast_lines" -v s="$wall" 'BEGIN {printf "%.0f", n / s}')
  [ "$(wc -l <"$work/fast-out/features.csv.out")" = "$fast_lines" ] || { echo "(h2) line counts differ" >&2; exit 1; }
  printf '(h2) round %d: server alone %s records/s, harness end to end %s records/s (%s s): %.0f %%\n' \
    "$round" "$server" "$harness" "$wall" "$(awk -v h="$harness" -v s="$server" 'BEGIN {print 100 * h / s}')"
done
