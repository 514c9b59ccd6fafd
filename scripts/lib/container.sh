# Sourced by test/container/smoke.sh and scripts/measure-container-start.sh: start the image as SageMaker
# does (docker run -v MODEL:/opt/ml/model IMAGE serve), wait for /ping, stop it with docker stop.
# shellcheck shell=bash

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# container_start IMAGE MODEL_DIR [HOST_PORT]: starts a detached container, its port 8080 published on
# 127.0.0.1:HOST_PORT (a free port when empty); prints its id.
container_start() {
  docker run -d -v "$2:/opt/ml/model:ro" -p "127.0.0.1:${3:-}:8080" "$1" serve
}

# container_url ID: http://127.0.0.1:PORT, where the container's port 8080 is published.
container_url() {
  echo "http://$(docker port "$1" 8080/tcp | head -n 1)"
}

# wait_for_ping URL TIMEOUT_SECONDS: polls URL/ping every 20 ms until it answers 200; fails after the timeout.
wait_for_ping() {
  local deadline=$(($(now_ms) + $2 * 1000))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/ping")" = 200 ]; do
    if [ "$(now_ms)" -gt "$deadline" ]; then
      echo "no 200 from $1/ping within $2 s" >&2
      return 1
    fi
    sleep 0.02
  done
}

# container_stop ID: docker stop (SIGTERM, SIGKILL after 30 s); prints "MILLISECONDS EXIT_CODE" and removes it.
container_stop() {
  local start code
  start=$(now_ms)
  docker stop --time 30 "$1" >/dev/null
  code=$(docker inspect -f '{{.State.ExitCode}}' "$1")
  echo "$(($(now_ms) - start)) $code"
  docker rm "$1" >/dev/null
}
