#!/usr/bin/env bash
# Downloads the Kafka broker jars from Maven Central (via pom.xml) into .cache/libs.
# No-op when the cache already matches pom.xml (marker file .cache/libs/.fetched).
# Usage: bash infra/kafka/fetch.sh [--force]
set -euo pipefail

KAFKA_HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
POM="$KAFKA_HOME_DIR/pom.xml"
LIBS_DIR="$KAFKA_HOME_DIR/.cache/libs"
MARKER="$LIBS_DIR/.fetched"

kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM" | head -n1)"
if [[ -z "$kafka_version" ]]; then
  echo "fetch.sh: cannot read <kafka.version> from $POM" >&2
  exit 1
fi
# The marker holds the version and a hash of the pom, so editing the pom triggers a re-fetch.
if command -v sha256sum >/dev/null 2>&1; then
  pom_hash="$(sha256sum "$POM" | cut -d' ' -f1)"
else
  pom_hash="$(shasum -a 256 "$POM" | cut -d' ' -f1)" # macOS
fi
expected="kafka=$kafka_version pom-sha256=$pom_hash"

if [[ "${1:-}" != "--force" && -f "$MARKER" && "$(cat "$MARKER")" == "$expected" ]]; then
  exit 0
fi

for tool in mvn java; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "fetch.sh: '$tool' is required (Java 17+ and Maven)" >&2
    exit 1
  fi
done

echo "Fetching Apache Kafka $kafka_version jars from Maven Central into $LIBS_DIR ..."
# Start from an empty folder: copy-dependencies never deletes jars of a previous version,
# and two Kafka versions on one classpath would break the broker.
rm -rf "$LIBS_DIR"
mkdir -p "$LIBS_DIR"
# Output goes to a log (shown on failure): even with -q, Maven prints stray ANSI resets.
fetch_log="$KAFKA_HOME_DIR/.cache/mvn-fetch.log"
if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
  -DoutputDirectory="$LIBS_DIR" >"$fetch_log" 2>&1; then
  echo "fetch.sh: mvn dependency:copy-dependencies failed:" >&2
  tail -n 50 "$fetch_log" >&2
  exit 1
fi

if ! ls "$LIBS_DIR"/kafka_2.13-"$kafka_version".jar >/dev/null 2>&1; then
  echo "fetch.sh: kafka_2.13-$kafka_version.jar missing after mvn; see output above" >&2
  exit 1
fi
echo "$expected" >"$MARKER"
echo "Fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars ($(du -sh "$LIBS_DIR" | cut -f1))."
