#!/usr/bin/env bash
# Scores the Java frontend against hand labels (bench/labels/README.md).
#
# Usage: bench/labels/score.sh LABELS.json APP_DIR [scan options…]
# APP_DIR holds the labelled commit of the application (see README.md for how to get it).
set -euo pipefail
cd "$(dirname "$0")/../.."
labels=$1
app=$2
shift 2
jar=analyzer/target/blastradius.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
set +e
java -jar "$jar" scan --format json --output "$work/report.json" --no-progress --quiet --repo-root "$app" "$@" "$app"
code=$?
set -e
# 0 ran, 5 ran with problems (listed in the report): both are scorable.
if [ "$code" != 0 ] && [ "$code" != 5 ]; then
  echo "scan failed with exit code $code" >&2
  exit "$code"
fi
echo "scan exit code $code"
java -cp "$jar" bench/labels/Score.java "$labels" "$work/report.json"
[ -z "${KEEP_REPORT:-}" ] || cp "$work/report.json" "$KEEP_REPORT"
