#!/usr/bin/env bash
# Reproduces the load-test and plan figures of docs/benchmarks.md ("Load tester and plan") and the reports in
# docs/loadtest/: a closed-loop sweep of the bundled models (payloads 1, 2 and 6 MB x concurrency 1, 2, 4, 8,
# 2 workers, each setting run 3 times and the median reported), an open-loop run of churn at fixed rates, plans
# from the churn and forecast reports, and the seed example's plan.
# The load generator runs in the same JVM as the server and shares the machine's cores with it.
# Usage: scripts/loadtest-report.sh [seconds per run, default 10] [output folder, default docs/loadtest]
# Takes about 6 minutes per model and 2 for the open loop at the default length.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench-lib.sh
require_jar
duration=${1:-10}
out=${2:-docs/loadtest}
# shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of JVM flags on purpose
bs() { java ${BENCH_JAVA_OPTS:-} -jar "$BATCHSERVE_JAR" "$@"; }
# shellcheck disable=SC2054  # the commas are inside flag values (1,2,6), not array separators
sweep=(--workers 2 --max-payload-in-mb 1,2,6 --max-concurrent-transforms 8 --repeat 3 --warmup-seconds 3 --duration-seconds "$duration"
  --out "$out")

bs loadtest --model-dir model/churn --data test/data/churn/customers-001.csv,test/data/churn/customers-002.csv \
  --drop-first-column "${sweep[@]}" --name churn --title "Load test: churn (CSV), 2 workers"

bs loadtest --model-dir model/churn --data test/data/churn/customers-001.csv,test/data/churn/customers-002.csv \
  --drop-first-column --workers 2 --max-payload-in-mb 1 --max-concurrent-transforms 0 --rate 4,8,10,12,14 --warmup-seconds 3 \
  --duration-seconds "$duration" --out "$out" --name churn-open --title "Load test: churn (CSV), open loop, 1 MB"

if [ -f model/forecast/batchserve-model.json ]; then
  bs loadtest --model-dir model/forecast --data test/data/forecast/items-001.jsonl,test/data/forecast/items-002.jsonl \
    "${sweep[@]}" --name forecast --title "Load test: forecast (JSON Lines), 2 workers"
else
  echo "model/forecast is not here yet: skipping the forecast load test" >&2
fi

# A nightly scoring of 100 million records, planned from the churn report, scaled to an ml.m5.xlarge's 4 vCPUs.
bs plan --records 100000000 --from-report "$out/churn.json" --scale-to-vcpus --instance-type ml.m5.xlarge \
  --instances 1-10 --files 10 --out "$out" --name churn-plan
# A weekly forecast of 50 million store-products (2,000 stores x 25,000 products), planned from the forecast report.
if [ -f "$out/forecast.json" ]; then
  bs plan --records 50000000 --from-report "$out/forecast.json" --scale-to-vcpus --instance-type ml.m5.xlarge \
    --instances 1-10 --files 10 --runs-per-week 1 --out "$out" --name forecast-plan
fi
# The seed articles' example: 100,000 items, 30 s each, 4 in flight on each of 20 instances, no cold start,
# against an endpoint of 3 instances up all week.
bs plan --records 100000 --seconds-per-record 30 --concurrency 4 --instance-type ml.m5.4xlarge --instances 5,10,20,40 \
  --cold-start-minutes 0 --endpoint-instances 3 --runs-per-week 1 --out "$out" --name seed-plan
