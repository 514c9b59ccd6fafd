#!/usr/bin/env bash
# Local smoke test of the image: serve one sample model as SageMaker does, send it the sample payloads,
# print what comes back, then stop it with docker stop and print how long that took.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source-path=SCRIPTDIR source=../../scripts/lib/container.sh
. "$root/scripts/lib/container.sh"

usage() {
  cat <<'TXT'
Usage: test/container/smoke.sh [--image IMAGE] [--model NAME] [--port PORT]

Runs `docker run -v model/NAME:/opt/ml/model -p 127.0.0.1:PORT:8080 IMAGE serve`, waits for GET /ping = 200, prints
GET /execution-parameters, POSTs every file in test/container/payloads/NAME/ (.csv as text/csv, .jsonl as
application/jsonlines) and prints each answer, then `docker stop`s the container and prints the stop time
and exit code (0 = drained cleanly; 137 = it had to be killed).

  --image IMAGE   the image (default: batchserve; build it with `docker build -t batchserve .`)
  --model NAME    a folder under model/ (default: churn)
  --port PORT     the host port (default: a free one)
  -h, --help      this text
TXT
}

image=batchserve model=churn port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --image|--model|--port)
      if [ $# -lt 2 ] || [[ $2 == --* ]]; then echo "smoke.sh: $1 needs a value" >&2; exit 2; fi
      case "$1" in --image) image=$2 ;; --model) model=$2 ;; --port) port=$2 ;; esac
      shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "smoke.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ -d "$root/model/$model" ] || { echo "smoke.sh: --model '$model': no folder model/$model" >&2; exit 2; }
[[ -z $port || $port =~ ^[0-9]+$ ]] || { echo "smoke.sh: --port '$port' is not a port number" >&2; exit 2; }
docker image inspect "$image" >/dev/null 2>&1 ||
  { echo "smoke.sh: --image '$image' not found (mvn -B package && docker build -t $image .)" >&2; exit 2; }

id=$(container_start "$image" "$root/model/$model" "$port")
trap 'docker rm -f "$id" >/dev/null 2>&1 || true' EXIT
url=$(container_url "$id")
echo "== started $image serving model/$model on $url (container ${id:0:12})"
wait_for_ping "$url" 240 || { docker logs "$id" | tail -n 20; exit 1; }
echo "== GET /ping: 200"
echo "== GET /execution-parameters: $(curl -s "$url/execution-parameters")"
for payload in "$root/test/container/payloads/$model"/*; do
  case "$payload" in
    *.csv) type=text/csv ;;
    *.jsonl) type=application/jsonlines ;;
    *) continue ;;
  esac
  echo "== POST /invocations $(basename "$payload") ($type):"
  curl -s -w '\n(HTTP %{http_code})\n' -H "Content-Type: $type" --data-binary "@$payload" "$url/invocations"
done
read -r stop_ms code < <(container_stop "$id")
trap - EXIT
echo "== docker stop: ${stop_ms} ms, exit code $code"
[ "$code" = 0 ]
