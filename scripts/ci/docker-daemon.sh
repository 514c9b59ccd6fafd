#!/usr/bin/env bash
# Starts or stops a private Docker daemon (docker.io's dockerd, no systemd) for the container tests.
# Its data root persists between runs, so images built by a previous run (the local base image, layers)
# are reused.
set -euo pipefail

sock=${BATCHSERVE_DOCKER_SOCK:-/var/run/batchserve-docker.sock}
data_root=${BATCHSERVE_DOCKER_DATA_ROOT:-/var/lib/batchserve-docker}
exec_root=${BATCHSERVE_DOCKER_EXEC_ROOT:-/var/run/batchserve-docker}
pidfile=${BATCHSERVE_DOCKER_PIDFILE:-/var/run/batchserve-docker.pid}
log=${BATCHSERVE_DOCKER_LOG:-/var/log/batchserve-dockerd.log}

usage() {
  cat <<TXT
Usage: scripts/ci/docker-daemon.sh start | stop PID | host

  start     start dockerd in the background on unix://$sock (data root $data_root)
            and wait until it answers; prints the daemon's pid, or nothing when a daemon
            already answers on that socket (it is then left alone)
  stop PID  stop the daemon with that pid (SIGTERM, then SIGKILL after 30 s)
  host      print the DOCKER_HOST value for this daemon

Environment: BATCHSERVE_DOCKER_SOCK, BATCHSERVE_DOCKER_DATA_ROOT, BATCHSERVE_DOCKER_EXEC_ROOT,
BATCHSERVE_DOCKER_PIDFILE, BATCHSERVE_DOCKER_LOG override the paths above.
TXT
}

answers() { docker -H "unix://$sock" version >/dev/null 2>&1; }

start() {
  if answers; then
    echo "docker-daemon.sh: a daemon already answers on unix://$sock; using it" >&2
    return 0
  fi
  command -v dockerd >/dev/null || { echo "docker-daemon.sh: dockerd not found (apt-get install docker.io)" >&2; exit 1; }
  mkdir -p "$data_root" "$exec_root" "$(dirname "$log")"
  dockerd --data-root "$data_root" --exec-root "$exec_root" -H "unix://$sock" --pidfile "$pidfile" \
    </dev/null >>"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    if answers; then echo "$pid"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "docker-daemon.sh: dockerd exited during start; the end of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "docker-daemon.sh: dockerd (pid $pid) did not answer within 60 s; stopping it" >&2
  stop "$pid"
  exit 1
}

stop() {
  local pid=$1
  case "$pid" in ''|*[!0-9]*) echo "docker-daemon.sh: stop needs a numeric pid, got '$pid'" >&2; exit 2 ;; esac
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  echo "docker-daemon.sh: dockerd (pid $pid) still running after 30 s; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  stop) [ $# -eq 2 ] || { echo "docker-daemon.sh: stop needs the daemon's pid" >&2; exit 2; }; stop "$2" ;;
  host) echo "unix://$sock" ;;
  -h|--help) usage ;;
  *) echo "docker-daemon.sh: unknown command '${1:-}' (start, stop PID, host; see --help)" >&2; exit 2 ;;
esac
