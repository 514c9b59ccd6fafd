#!/usr/bin/env bash
# Measures the image: its size, the time from `docker run` to the first 200 on /ping, and the `docker stop`
# time, over a few runs. Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source-path=SCRIPTDIR source=lib/container.sh
. "$root/scripts/lib/container.sh"

usage() {
  cat <<'TXT'
Usage: scripts/measure-container-start.sh [--image IMAGE] [--model NAME]... [--runs N] [--port PORT]

For each model, N times: `docker run -v model/NAME:/opt/ml/model IMAGE serve`, time until GET /ping answers
200 (polled every 20 ms, measured from just before `docker run`), then time `docker stop`. Prints the image
size and, per model, the median, minimum and maximum of both, as Markdown.

  --image IMAGE   the image (default: batchserve)
  --model NAME    a folder under model/ (repeatable; default: every folder under model/)
  --runs N        runs per model (default: 5)
  --port PORT     the host port (default: a free one)
  -h, --help      this text
TXT
}

image=batchserve runs=5 port="" models=()
while [ $# -gt 0 ]; do
  case "$1" in
    --image|--model|--runs|--port)
      if [ $# -lt 2 ] || [[ $2 == --* ]]; then echo "measure-container-start.sh: $1 needs a value" >&2; exit 2; fi
      case "$1" in --image) image=$2 ;; --model) models+=("$2") ;; --runs) runs=$2 ;; --port) port=$2 ;; esac
      shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "measure-container-start.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "measure-container-start.sh: --runs '$runs' must be a whole number >= 1" >&2; exit 2; }
docker image inspect "$image" >/dev/null 2>&1 ||
  { echo "measure-container-start.sh: --image '$image' not found (docker build -t $image .)" >&2; exit 2; }
if [ ${#models[@]} -eq 0 ]; then
  for dir in "$root"/model/*/; do models+=("$(basename "$dir")"); done
fi

# stats V...: "median (min-max)" of whole numbers.
stats() {
  local sorted
  mapfile -t sorted < <(printf '%s\n' "$@" | sort -n)
  echo "${sorted[$(((${#sorted[@]} - 1) / 2))]} (${sorted[0]}-${sorted[-1]})"
}

size=$(docker image inspect -f '{{.Size}}' "$image")
echo "Image \`$image\` ($(docker image inspect -f '{{.Id}}' "$image" | cut -c8-19)): $((size / 1000000)) MB;" \
  "$(nproc) CPUs, $runs runs per model, $(date -u +%F)."
echo
echo "| model | docker run -> first 200 on /ping, ms: median (min-max) | docker stop, ms: median (min-max) | exit codes |"
echo "|---|---|---|---|"
for model in "${models[@]}"; do
  [ -d "$root/model/$model" ] || { echo "measure-container-start.sh: --model '$model': no folder model/$model" >&2; exit 2; }
  ready=() stops=() codes=()
  for _ in $(seq 1 "$runs"); do
    start=$(now_ms)
    id=$(container_start "$image" "$root/model/$model" "$port")
    wait_for_ping "$(container_url "$id")" 240 || { docker rm -f "$id" >/dev/null; exit 1; }
    ready+=($(($(now_ms) - start)))
    read -r stop_ms code < <(container_stop "$id")
    stops+=("$stop_ms") codes+=("$code")
  done
  echo "| $model | $(stats "${ready[@]}") | $(stats "${stops[@]}") | $(printf '%s\n' "${codes[@]}" | sort -u | paste -sd,) |"
done
