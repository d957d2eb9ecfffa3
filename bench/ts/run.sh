#!/usr/bin/env bash
# TypeScript frontend benchmark (issue 6): `blastradius scan` over a generated Next.js-style project of
# about FILES files (default 5000), next to `grep -rc` over the same tree. Prints MB/s, MB/s per core,
# files/s and the ratio to grep, then checks every planted access was found (and no problems).
#
# Usage: bench/ts/run.sh [FILES]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}
jar=analyzer/target/blastradius.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
bench_heap=-Xmx512m
. bench/jvm.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/next"
java bench/ts/GenerateNext.java "$repo" "$count"
files=$(find "$repo" \( -name '*.ts' -o -name '*.tsx' \) | wc -l)
bytes=$(find "$repo" \( -name '*.ts' -o -name '*.tsx' -o -name '*.sql' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
cores=$(nproc)

now() { date +%s.%N; }
grep -rc "supabase" "$repo" >/dev/null || true   # warm the file cache
t0=$(now); grep -rcE "SELECT|UPDATE|INSERT|DELETE|supabase|knex|query" "$repo" >/dev/null || true; t1=$(now)
run() { bin/blastradius scan --format json --output "$work/report.json" --no-progress "$repo"; }
run
# Wall time of the second run, and its CPU time (user + sys, all threads): on a shared machine the CPU
# time is the honest per-core figure.
TIMEFORMAT='%R %U %S'
times=$( { time run; } 2>&1 | tail -1 )
read -r scan_s user_s sys_s <<<"$times"
java -cp "$jar" bench/VerifyPlanted.java "$work/report.json" "$repo/planted.tsv" >&2
grep_s=$(echo "$t1 - $t0" | bc -l)
cpu_s=$(echo "$user_s + $sys_s" | bc -l)
mb=$(echo "$bytes / 1048576" | bc -l)
printf '%8s %8s %6s %9s %9s %9s %9s %8s %8s %10s %11s\n' files MB cores scan_s cpu_s grep_s ratio files/s MB/s MB/s/core MB/cpu-s
printf '%8d %8.1f %6d %9.2f %9.2f %9.3f %8.0fx %8.0f %8.2f %10.2f %11.2f\n' "$files" "$mb" "$cores" "$scan_s" "$cpu_s" \
  "$grep_s" "$(echo "$scan_s / $grep_s" | bc -l)" "$(echo "$files / $scan_s" | bc -l)" "$(echo "$mb / $scan_s" | bc -l)" \
  "$(echo "$mb / $scan_s / $cores" | bc -l)" "$(echo "$mb / $cpu_s" | bc -l)"
# The same scan after warm-up, in one JVM (bench/ScanThroughput.java; WARM=0 skips it): the per-byte cost
# without JVM start and first compilations.
if [ "${WARM:-1}" != 0 ]; then
  java -Xmx512m ${JAVA_OPTS--XX:TieredStopAtLevel=1} -cp "$jar" bench/ScanThroughput.java "$repo" .ts,.tsx,.sql "${WARMUP:-2}" "${ROUNDS:-3}"
fi
