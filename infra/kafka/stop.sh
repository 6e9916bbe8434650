#!/usr/bin/env bash
# Stops the broker started by start.sh: SIGTERM (controlled shutdown), then SIGKILL after
# KAFKA_STOP_TIMEOUT seconds (default 20). Exits 0 when it is not running. KAFKA_PID_FILE and
# KAFKA_PORT name a broker other than the default one (see start.sh).
set -euo pipefail

KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$KAFKA_HOME_DIR/common.sh"

STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-20}"

if ! pid="$(running_pid)"; then
  rm -f "$PID_FILE"
  echo "Kafka is not running."
  if port_open "$KAFKA_PORT"; then
    echo "(note: something else is listening on 127.0.0.1:$KAFKA_PORT; not started by start.sh, left alone)"
  fi
  exit 0
fi

echo "Stopping Kafka (pid $pid)..."
kill -TERM "$pid" 2>/dev/null || true
deadline=$((SECONDS + STOP_TIMEOUT))
while kafka_pid_alive "$pid" && ((SECONDS < deadline)); do
  sleep 0.2
done
if kafka_pid_alive "$pid"; then
  echo "Kafka did not stop within ${STOP_TIMEOUT}s; sending SIGKILL." >&2
  kill -KILL "$pid" 2>/dev/null || true
  while kafka_pid_alive "$pid"; do sleep 0.1; done
fi
rm -f "$PID_FILE"
echo "Kafka stopped."
