# Shared helpers for start.sh / stop.sh / clean.sh. Sourced, not executed.
# Expects KAFKA_HOME_DIR (this folder, absolute) to be set by the caller.

REPO_ROOT="$(cd "$KAFKA_HOME_DIR/../.." && pwd)"
CACHE_DIR="$KAFKA_HOME_DIR/.cache"
LIBS_DIR="$CACHE_DIR/libs"
# KAFKA_PID_FILE lets a second broker (own ports and data dir) run beside the default one;
# its rendered server.properties lives next to its pid file.
PID_FILE="${KAFKA_PID_FILE:-$CACHE_DIR/kafka.pid}"
RENDERED_PROPS="$(dirname "$PID_FILE")/server.properties"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"

DATA_DIR="${KAFKA_DATA_DIR:-infra/kafka/.cache/data}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$REPO_ROOT/$DATA_DIR"
DATA_DIR="${DATA_DIR%/}"
LOGS_DIR="${KAFKA_LOGS_DIR:-$(dirname "$DATA_DIR")/logs}"
[[ "$LOGS_DIR" == /* ]] || LOGS_DIR="$REPO_ROOT/$LOGS_DIR"

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp, no nc needed).
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when $1 is a live process running kafka.Kafka (guards against a recycled pid).
kafka_pid_alive() {
  local pid="$1" args
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    args="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
  else
    args="$(ps -p "$pid" -o args= 2>/dev/null || true)"
  fi
  [[ "$args" == *kafka.Kafka* ]]
}

# Prints the pid from the pid file and succeeds when that broker process is alive.
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  kafka_pid_alive "$pid" || return 1
  echo "$pid"
}

# True when the broker serves metadata: kafkajs admin describeCluster + listTopics (kafkajs from
# the repo's node_modules). Without node/kafkajs, falls back to the broker's own "started" log line
# written after byte READY_LOG_OFFSET of server.log (set by start.sh before launching java).
broker_ready() {
  if command -v node >/dev/null 2>&1 &&
    node -e "require.resolve('kafkajs', { paths: [process.argv[1]] })" "$REPO_ROOT" >/dev/null 2>&1; then
    KAFKAJS_NO_PARTITIONER_WARNING=1 node - "$REPO_ROOT" "127.0.0.1:$KAFKA_PORT" >/dev/null 2>&1 <<'JS'
const [root, broker] = process.argv.slice(2);
const { Kafka, logLevel } = require(require.resolve('kafkajs', { paths: [root] }));
const admin = new Kafka({
  clientId: 'infra-kafka-start', brokers: [broker], logLevel: logLevel.NOTHING,
  connectionTimeout: 1000, requestTimeout: 3000, retry: { retries: 0 },
}).admin();
const timer = setTimeout(() => process.exit(1), 5000);
(async () => {
  await admin.connect();
  const cluster = await admin.describeCluster();
  await admin.listTopics();
  await admin.disconnect();
  clearTimeout(timer);
  process.exit(cluster.brokers.length > 0 ? 0 : 1);
})().catch(() => process.exit(1));
JS
  else
    # Only look at what this start wrote (server.log is appended to across restarts).
    local log="$LOGS_DIR/server.log" from="${READY_LOG_OFFSET:-0}" size
    size="$(wc -c <"$log" 2>/dev/null || echo 0)"
    ((size >= from)) || from=0 # rotated meanwhile
    # grep -c, not -q: -q would close the pipe early and pipefail would turn that into failure.
    [[ "$(tail -c +"$((from + 1))" "$log" 2>/dev/null | grep -c 'Kafka Server started')" -gt 0 ]]
  fi
}
