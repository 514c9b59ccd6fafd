#!/usr/bin/env bash
# Runs the two sample transform jobs of test/jobs through the real server, exactly as
#   java -jar target/batchserve.jar transform --job test/jobs/<job>.json --model-dir model
# Builds nothing: run `mvn -B -q package -DskipTests` first. Each job starts its own server on a free loopback port
# (the whole model/ folder: CSV goes to churn, JSON Lines to forecast) and stops it at the end.
# Exit code 0 only when both jobs Completed.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${BATCHSERVE_JAR:-target/batchserve.jar}
if [ ! -f "$jar" ]; then
  echo "missing $jar: run 'mvn -B -q package -DskipTests' first" >&2
  exit 1
fi
status=0
for job in churn forecast; do
  echo "== $job: test/jobs/$job.json"
  java -jar "$jar" transform --job "test/jobs/$job.json" --model-dir model || status=1
done
echo
echo "outputs (one <input>.out per input file, job.json, server logs in logs/):"
for job in churn forecast; do
  echo "  target/sample-output/$job/"
done
exit $status
