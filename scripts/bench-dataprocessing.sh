#!/usr/bin/env bash
# DataProcessing's cost in the harness (docs/benchmarks.md, "(h3) DataProcessing"): the churn job's shape on one
# large CSV (customer id first; InputFilter $[1:], JoinSource Input, OutputFilter $[0,-1]) against the same rows
# without the id column and without DataProcessing, one instance, MultiRecord, MaxPayloadInMB 6,
# MaxConcurrentTransforms 2, the harness at -Xmx256m under GNU time (its peak RSS alone: the server is its own
# process, given by --endpoint). Rounds alternate the two shapes and, with two jars, the two builds, so the
# machine's drift hits all alike; prints each run and the medians.
# Usage: scripts/bench-dataprocessing.sh [lines, default 3595000 (about 300 MB)] [rounds, default 2] [OLD.jar]
# With OLD.jar, each round also runs the DataProcessing shape with that build's harness (same server).
# SHAPE=jsonl measures the JSON Lines join instead: objects of named features with a customer_id (a passthrough key
# the model ignores), JoinSource Input and OutputFilter $['customer_id','SageMakerOutput'], against the same
# objects without customer_id and without DataProcessing; content type and accept application/jsonlines.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
require_jar
command -v /usr/bin/time >/dev/null || { echo "GNU time is needed: apt-get install -y time" >&2; exit 1; }
lines=${1:-3595000}
rounds=${2:-2}
old_jar=${3:-}
port=${BENCH_PORT:-18091}
work=${BENCH_DIR:-target/bench-dataprocessing}
rm -rf "$work" && mkdir -p "$work/with-id" "$work/features"
trap 'stop_server' EXIT

shape=${SHAPE:-csv}
cut -d, -f2- test/data/churn/customers-*.csv \
  | awk -v n="$lines" '{a[NR]=$0} END {for (i=0;i<n;i++) printf "customer-%012d,%s\n", i, a[i%NR+1]}' \
    >"$work/with-id/customers.csv"
cut -d, -f2- "$work/with-id/customers.csv" >"$work/features/customers.csv"
type=text/csv
dp=(--input-filter '$[1:]' --join-source Input --output-filter '$[0,-1]')
if [ "$shape" = jsonl ]; then
  names=$(jq -r '[.features[].name] | join(",")' model/churn/batchserve-model.json)
  to_jsonl() { # CSV rows (id first when $2 = id) to JSON objects of named features
    awk -F, -v names="$names" -v id="$2" 'BEGIN {k = split(names, name, ",")}
      {s = "{"; f = 1; if (id == "id") {s = s "\"customer_id\":\"" $1 "\""; f = 2}
       for (i = 0; i < k; i++) {v = $(f + i); if (v == "") v = "null"; s = s ((s == "{") ? "" : ",") "\"" name[i + 1] "\":" v}
       print s "}"}' "$1"
  }
  to_jsonl "$work/with-id/customers.csv" id >"$work/with-id/customers.jsonl"
  to_jsonl "$work/features/customers.csv" none >"$work/features/customers.jsonl"
  mv "$work/with-id/customers.jsonl" "$work/with-id/customers.csv"
  mv "$work/features/customers.jsonl" "$work/features/customers.csv"
  type=application/jsonlines
  dp=(--join-source Input --output-filter "\$['customer_id','SageMakerOutput']")
fi
echo "input: $(stat -c %s "$work/with-id/customers.csv") bytes, $lines lines (with id)"

# run LABEL JAR INPUT_DIR [flags...]: one transform; prints "LABEL records/s wall rss_mib cpu_s"
run() {
  local label=$1 jar=$2 input=$3 out="$work/out-$1" log="$work/$1.log"
  shift 3
  rm -rf "$out"
  /usr/bin/time -f 'wall_seconds %e maxrss_kb %M cpu_seconds %U %S' java -Xmx256m -jar "$jar" transform \
    --endpoint "http://127.0.0.1:$port" --input "$input/customers.csv" --output "$out" \
    --s3-data-type S3Prefix --instance-type ml.m5.xlarge --instance-count 1 --content-type "$type" \
    --accept "$type" --split-type Line --assemble-with Line --batch-strategy MultiRecord \
    --max-concurrent-transforms 2 --max-payload-in-mb 6 --progress none "$@" >"$log" 2>&1
  local wall rss user sys
  read -r _ wall _ rss _ user sys < <(grep wall_seconds "$log")
  [ "$(wc -l <"$out/customers.csv.out")" = "$lines" ] || { echo "$label: output line count differs" >&2; exit 1; }
  awk -v l="$label" -v n="$lines" -v w="$wall" -v r="$rss" -v u="$user" -v s="$sys" \
    'BEGIN {printf "%-22s %10.0f records/s  wall %6.1f s  harness RSS %4.0f MiB  harness CPU %5.1f s\n", l, n / w, w, r / 1024, u + s}' \
    | tee -a "$work/results"
}

start_server "$port" "$work/server.log" --model-dir model/churn --workers 2
run warm-up "$BATCHSERVE_JAR" "$work/features" >/dev/null
: >"$work/results"
for r in $(seq 1 "$rounds"); do
  run "plain-$r" "$BATCHSERVE_JAR" "$work/features"
  run "dataprocessing-$r" "$BATCHSERVE_JAR" "$work/with-id" "${dp[@]}"
  if [ -n "$old_jar" ]; then
    run "old-dataprocessing-$r" "$old_jar" "$work/with-id" "${dp[@]}"
  fi
done
if [ "$shape" = csv ] && cmp -s "$work/out-dataprocessing-1/customers.csv.out" \
  <(paste -d, <(cut -d, -f1 "$work/with-id/customers.csv") <(cat "$work/out-plain-1/customers.csv.out")); then
  echo "dataprocessing output = id + plain output: identical"
fi
if [ -n "$old_jar" ]; then
  cmp "$work/out-dataprocessing-1/customers.csv.out" "$work/out-old-dataprocessing-1/customers.csv.out" \
    && echo "new and old builds' outputs: identical"
fi
for kind in plain dataprocessing old-dataprocessing; do
  grep "^$kind-" "$work/results" | awk -v k="$kind" '{print $2}' | sort -n \
    | awk -v k="$kind" '{a[NR]=$1} END {if (NR) printf "median %-20s %10.0f records/s\n", k, (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'
done
