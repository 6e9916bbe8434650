#!/usr/bin/env bash
# Deletes the broker's data (topics, offsets, KRaft metadata) so the next start.sh formats a
# fresh cluster. Keeps the downloaded jars (.cache/libs) and the logs. Stops the broker first.
set -euo pipefail

KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$KAFKA_HOME_DIR/common.sh"

if running_pid >/dev/null; then
  bash "$KAFKA_HOME_DIR/stop.sh"
fi

case "$DATA_DIR" in
  "" | "/" | "$REPO_ROOT" | "$HOME")
    echo "clean.sh: refusing to delete '$DATA_DIR'" >&2
    exit 1
    ;;
esac
rm -rf "$DATA_DIR"
rm -f "$RENDERED_PROPS"
echo "Removed Kafka data dir $DATA_DIR."
