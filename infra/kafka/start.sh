#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker (KRaft, broker+controller) on 127.0.0.1:9092
# in the background. Jars come from Maven Central (fetch.sh), no tarball, no Docker.
# Idempotent: exits 0 when the broker is already running.
#
# Env (all optional):
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   KAFKA_DATA_DIR         data dir; relative = relative to the repo root
#                          (default infra/kafka/.cache/data)
#   KAFKA_LOGS_DIR         log dir (default: "logs" next to the data dir)
#   KAFKA_PID_FILE         pid file (default infra/kafka/.cache/kafka.pid); a second broker
#                          needs its own, and its own ports and data dir
#   KAFKA_HEAP_OPTS        default "-Xms256m -Xmx512m"
#   KAFKA_START_TIMEOUT    seconds to wait for readiness (default 120)
set -euo pipefail

KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$KAFKA_HOME_DIR/common.sh"

START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"

show_logs() {
  echo "----- last 50 lines of $LOGS_DIR/server.log -----" >&2
  tail -n 50 "$LOGS_DIR/server.log" >&2 2>/dev/null || echo "(no server.log yet)" >&2
  if [[ -s "$LOGS_DIR/kafka.out" ]]; then
    echo "----- last 50 lines of $LOGS_DIR/kafka.out (JVM stdout/stderr) -----" >&2
    tail -n 50 "$LOGS_DIR/kafka.out" >&2
  fi
}

# Waits until the broker answers on its port AND serves metadata; fails after START_TIMEOUT.
# $2 = "ours": we launched it, so stop it again on timeout (else leave it alone).
wait_until_ready() {
  local pid="$1" owner="${2:-}" deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    # Plain kill -0: right after the fork the child has not exec'ed java yet, so its
    # command line does not say kafka.Kafka for a few milliseconds.
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Kafka exited during startup (pid $pid)." >&2
      rm -f "$PID_FILE"
      show_logs
      exit 1
    fi
    if port_open "$KAFKA_PORT" && broker_ready; then
      return 0
    fi
    sleep 0.5
  done
  echo "Kafka (pid $pid) did not become ready within ${START_TIMEOUT}s." >&2
  show_logs
  if [[ "$owner" == ours ]]; then
    echo "Stopping it." >&2
    bash "$KAFKA_HOME_DIR/stop.sh" >&2 || true
  fi
  exit 1
}

# ---- already running? ----
if pid="$(running_pid)"; then
  if port_open "$KAFKA_PORT" && broker_ready; then
    echo "Kafka is already running (pid $pid, 127.0.0.1:$KAFKA_PORT)."
    exit 0
  fi
  echo "Kafka process $pid exists but is not ready yet; waiting..."
  wait_until_ready "$pid"
  echo "Kafka is ready (pid $pid, 127.0.0.1:$KAFKA_PORT)."
  exit 0
fi
if port_open "$KAFKA_PORT"; then
  echo "Port 127.0.0.1:$KAFKA_PORT is already in use by another process (not started by $KAFKA_HOME_DIR/start.sh)." >&2
  exit 1
fi

if port_open "$KAFKA_CONTROLLER_PORT"; then
  echo "Controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is already in use (set KAFKA_CONTROLLER_PORT)." >&2
  exit 1
fi

command -v java >/dev/null 2>&1 || { echo "start.sh: java (17+) is required" >&2; exit 1; }

# ---- jars (no-op when cached) ----
bash "$KAFKA_HOME_DIR/fetch.sh"

mkdir -p "$DATA_DIR" "$LOGS_DIR" "$(dirname "$PID_FILE")"

# ---- render server.properties ----
props="$(<"$KAFKA_HOME_DIR/server.properties")"
props="${props//@KAFKA_DATA_DIR@/"$DATA_DIR"}"
props="${props//@KAFKA_PORT@/"$KAFKA_PORT"}"
props="${props//@KAFKA_CONTROLLER_PORT@/"$KAFKA_CONTROLLER_PORT"}"
printf '%s\n' "$props" >"$RENDERED_PROPS"

JAVA_LOG_OPTS=(
  "-Dlog4j.configuration=file:$KAFKA_HOME_DIR/log4j.properties"
  "-Dkafka.logs.dir=$LOGS_DIR"
)

# ---- format the KRaft storage once ----
if [[ ! -f "$DATA_DIR/kraft-combined-logs/meta.properties" ]]; then
  # A cluster id is 16 random bytes, base64url without padding (what `random-uuid` prints).
  # Kafka never hands out ids starting with '-' (CLI parsing); neither do we.
  cluster_id=""
  while [[ -z "$cluster_id" || "$cluster_id" == -* ]]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  echo "Formatting KRaft storage in $DATA_DIR (cluster id $cluster_id)..."
  # shellcheck disable=SC2086
  java $HEAP_OPTS "${JAVA_LOG_OPTS[@]}" -cp "$LIBS_DIR/*" kafka.tools.StorageTool \
    format --cluster-id "$cluster_id" --config "$RENDERED_PROPS" --ignore-formatted \
    >>"$LOGS_DIR/storage-format.log" 2>&1 || {
      echo "KRaft storage format failed:" >&2
      tail -n 50 "$LOGS_DIR/storage-format.log" >&2
      exit 1
    }
fi

# ---- start the broker in the background ----
READY_LOG_OFFSET="$(wc -c <"$LOGS_DIR/server.log" 2>/dev/null || echo 0)"
echo "Starting Kafka on 127.0.0.1:$KAFKA_PORT (logs: $LOGS_DIR/server.log)..."
# setsid: own session, so Ctrl-C in the calling terminal / npm does not kill the broker.
launcher=()
command -v setsid >/dev/null 2>&1 && launcher=(setsid)
# shellcheck disable=SC2086
nohup "${launcher[@]}" java $HEAP_OPTS \
  -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
  "${JAVA_LOG_OPTS[@]}" \
  -cp "$LIBS_DIR/*" kafka.Kafka "$RENDERED_PROPS" \
  >"$LOGS_DIR/kafka.out" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$PID_FILE"

wait_until_ready "$pid" ours
echo "Kafka is ready (pid $pid, 127.0.0.1:$KAFKA_PORT, ${SECONDS}s)."
