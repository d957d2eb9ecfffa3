#!/usr/bin/env bash
# Python frontend benchmark (issue 7): `blastradius scan` over a generated Django project of about FILES
# Python files (default 5000), next to `grep -rc` over the same tree. Prints MB/s over wall time, MB/s per
# core (bytes over the CPU seconds the scan used, so a shared machine does not distort it) and the ratio to
# grep, then checks every planted access was found.
#
# Usage: bench/python/run.sh [FILES]
# The scan runs through bin/blastradius (C1, class-data-sharing archive): bench/jvm.sh (JAVA_OPTS, BLASTRADIUS_CDS).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}
jar=${JAR:-analyzer/target/blastradius.jar}
[ -f "$jar" ] || mvn -q -B package -DskipTests
bench_heap=-Xmx512m
. bench/jvm.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/django"
java bench/python/GenerateDjango.java "$repo" "$count"
files=$(find "$repo" -name '*.py' | wc -l)
bytes=$(find "$repo" -name '*.py' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

now() { date +%s.%N; }
grep -rc "objects" "$repo" >/dev/null || true   # warm the file cache
t0=$(now); grep -rcE "objects|execute|SELECT|UPDATE|INSERT|DELETE" "$repo" >/dev/null || true; t1=$(now)
run() {
  /usr/bin/time -f "%U %S" -o "$work/cpu" \
    bin/blastradius scan --format json --output "$work/report.json" --no-progress "$repo"
}
run
t2=$(now); run; t3=$(now)
java -cp "$jar" bench/VerifyPlanted.java "$work/report.json" "$repo/planted.tsv" >&2
grep_s=$(echo "$t1 - $t0" | bc -l)
scan_s=$(echo "$t3 - $t2" | bc -l)
cpu_s=$(awk '{print $1 + $2}' "$work/cpu")
mb=$(echo "$bytes / 1048576" | bc -l)
printf '%8s %8s %10s %10s %10s %10s %10s %12s\n' files MB scan_s cpu_s grep_s ratio MB/s MB/s/core
printf '%8d %8.1f %10.2f %10.2f %10.3f %9.0fx %10.2f %12.2f\n' "$files" "$mb" "$scan_s" "$cpu_s" "$grep_s" \
  "$(echo "$scan_s / $grep_s" | bc -l)" "$(echo "$mb / $scan_s" | bc -l)" "$(echo "$mb / $cpu_s" | bc -l)"
# The same scan after warm-up, in one JVM (bench/ScanThroughput.java; WARM=0 skips it): the per-byte cost
# without JVM start and first compilations.
if [ "${WARM:-1}" != 0 ]; then
  java -Xmx512m ${JAVA_OPTS--XX:TieredStopAtLevel=1} -cp "$jar" bench/ScanThroughput.java "$repo" .py "${WARMUP:-2}" "${ROUNDS:-3}"
fi
