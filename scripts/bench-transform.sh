#!/usr/bin/env bash
# Harness benchmarks of docs/benchmarks.md ("## Harness"), against the bundled churn model served with 2 workers.
#   (h1) A ~1 GB, ~10.5 million-line churn CSV (customer id first) through `transform` with the harness JVM at
#        -Xmx256m, as the churn sample job does it (InputFilter $[1:], JoinSource Input, OutputFilter $[0,-1]):
#        wall time, peak RSS of the harness process, input and output line counts.
#   (h2) Harness end-to-end records/s against the server's own MultiRecord records/s, in the same run: wrk POSTs
#        same-size bodies (MaxPayloadInMB 4) at concurrency 2; the harness transforms a feature-only file with
#        MultiRecord, MaxPayloadInMB 4, MaxConcurrentTransforms 2. Harness time is the whole `java -jar ...
#        transform` command, JVM start included. Each round runs wrk for as long as the harness took, right before
#        (even rounds) or after (odd rounds) it, so both see the same machine; the median ratio is reported.
# The server runs as its own process (--endpoint), so the RSS is the harness's alone. All processes share the
# machine's cores, as they would on one instance.
# Usage: scripts/bench-transform.sh [h1 lines, default 10500000; 0 skips h1] [h2 lines, default 4000000]
#        [h2 rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
require_jar
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed: apt-get install -y time" >&2; exit 1; }
big_lines=${1:-10500000}
fast_lines=${2:-4000000}
rounds=${3:-5}
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
  /usr/bin/time -f 'wall_seconds %e maxrss_kb %M cpu_seconds %U %S' java -Xmx256m -jar "$BATCHSERVE_JAR" transform \
    --endpoint "http://127.0.0.1:$port" --output "$out" --s3-data-type S3Prefix --instance-type ml.m5.xlarge \
    --instance-count 1 --content-type text/csv --accept text/csv \
    --split-type Line --assemble-with Line --batch-strategy MultiRecord --max-concurrent-transforms 2 \
    --progress none "$@" >"$log" 2>&1
}

start_server "$port" "$work/server.log" --model-dir model/churn --workers 2

if [ "$big_lines" -gt 0 ]; then
echo "(h1) generating $big_lines lines"
churn_rows_with_ids "$big_lines" "$work/big/customers.csv"
bytes=$(stat -c %s "$work/big/customers.csv")
echo "(h1) $bytes bytes; transforming with -Xmx256m"
transform "$work/big-out" "$work/h1.log" --input "$work/big/customers.csv" --max-payload-in-mb 6 \
  --input-filter '$[1:]' --join-source Input --output-filter '$[0,-1]'
cat "$work/h1.log"
in_lines=$(wc -l <"$work/big/customers.csv")
out_lines=$(wc -l <"$work/big-out/customers.csv.out")
read -r _ wall _ rss _ < <(grep wall_seconds "$work/h1.log")
printf '(h1) input %s bytes, %s lines; output %s lines; wall %s s; harness peak RSS %.0f MiB\n' \
  "$bytes" "$in_lines" "$out_lines" "$wall" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
[ "$in_lines" = "$out_lines" ] || { echo "(h1) FAILED: line counts differ" >&2; exit 1; }
rm -rf "$work/big" "$work/big-out"
fi

churn_csv "$fast_lines" "$work/fast/features.csv"
avg=$(awk '{n += length($0) + 1} END {print n / NR}' "$work/fast/features.csv")
per_request=$(awk -v a="$avg" 'BEGIN {printf "%d", 4 * 1048576 / a}')
head -n "$per_request" "$work/fast/features.csv" >"$work/body.csv"
script=$(wrk_post_script "$work/body.csv" text/csv)
echo "(h2) $fast_lines lines; wrk bodies of $per_request lines ($(stat -c %s "$work/body.csv") bytes)"
server_rate() { # server_rate SECONDS: wrk for that long, records/s
  wrk -t2 -c2 -d"$1s" --timeout 60s -s "$script" "http://127.0.0.1:$port" >"$work/wrk.txt"
  awk -v n="$per_request" '/Requests\/sec/ {printf "%.0f", $2 * n}' "$work/wrk.txt"
}
harness_run() { # harness_run: sets wall and cpu
  transform "$work/fast-out" "$work/h2.log" --input "$work/fast/features.csv" --max-payload-in-mb 4
  read -r _ wall _ _ _ user sys < <(grep wall_seconds "$work/h2.log")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
  [ "$(wc -l <"$work/fast-out/features.csv.out")" = "$fast_lines" ] || { echo "(h2) line counts differ" >&2; exit 1; }
}
last=20
ratios=()
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 0 ]; then
    server=$(server_rate "$last")
    harness_run
  else
    harness_run
    last=$(awk -v w="$wall" 'BEGIN {printf "%d", w + 0.999}')
    server=$(server_rate "$last")
  fi
  last=$(awk -v w="$wall" 'BEGIN {printf "%d", w + 0.999}')
  harness=$(awk -v n="$fast_lines" -v s="$wall" 'BEGIN {printf "%.0f", n / s}')
  ratio=$(awk -v h="$harness" -v s="$server" 'BEGIN {printf "%.0f", 100 * h / s}')
  ratios+=("$ratio")
  printf '(h2) round %d: server alone %s records/s, harness end to end %s records/s (%s s, harness CPU %s s): %s %%\n' \
    "$round" "$server" "$harness" "$wall" "$cpu" "$ratio"
done
printf '(h2) median harness/server: %s %%\n' "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
