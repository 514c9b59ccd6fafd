# shellcheck shell=bash
# Shared helpers for the benchmark scripts (sourced, not run).
# Starts a batchserve server in the background and waits for /ping; stops it by pid.

BATCHSERVE_JAR=${BATCHSERVE_JAR:-target/batchserve.jar}

require_jar() {
  if [ ! -f "$BATCHSERVE_JAR" ]; then
    echo "missing $BATCHSERVE_JAR: run 'mvn -B -q package -DskipTests' first" >&2
    exit 1
  fi
}

# start_server PORT LOGFILE [serve flags...]: starts the server, waits until /ping answers 200.
start_server() {
  local port=$1 log=$2
  shift 2
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of JVM flags on purpose
  java ${BENCH_JAVA_OPTS:-} -jar "$BATCHSERVE_JAR" serve --host 127.0.0.1 --port "$port" "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping")" = 200 ]; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server exited; log:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "server did not become ready within 60 s" >&2
  exit 1
}

# wrk_bench_setup: for the wrk-driven scripts: checks the jar and wrk, makes $work, and on exit stops the server
# and removes $work.
wrk_bench_setup() {
  require_jar
  command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
  work=$(mktemp -d)
  trap 'stop_server; rm -rf "$work"' EXIT
}

stop_server() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

# wrk_post_script BODYFILE CONTENT_TYPE: writes a wrk Lua script that POSTs the file to /invocations.
wrk_post_script() {
  local body=$1 type=$2 script
  script=$(mktemp --suffix=.lua)
  cat >"$script" <<LUA
wrk.method = "POST"
wrk.path = "/invocations"
wrk.headers["Content-Type"] = "$type"
local f = io.open("$body", "rb")
wrk.body = f:read("*a")
f:close()
LUA
  echo "$script"
}

# timed_post PORT BODYFILE CONTENT_TYPE: one POST /invocations; prints its time in seconds, or exits on an answer
# other than 200.
timed_post() {
  local out
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Content-Type: $3" --data-binary @"$2" \
    "http://127.0.0.1:$1/invocations")
  [ "${out% *}" = 200 ] || { echo "port $1 answered ${out% *}" >&2; exit 1; }
  echo "${out#* }"
}

# churn_csv ROWS FILE: ROWS churn feature rows (sample data, id column dropped, repeated) into FILE.
churn_csv() {
  local rows=$1 file=$2
  cut -d, -f2- test/data/churn/customers-*.csv | awk -v n="$rows" '{a[NR]=$0} END {for (i=0;i<n;i++) print a[i%NR+1]}' >"$file"
}
