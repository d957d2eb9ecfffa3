#!/usr/bin/env bash
# Java frontend benchmark (issue 5): `blastradius scan` over a generated Spring Boot project of about
# FILES Java files (default 5000) with the heap capped at 512 MB, next to `grep -rc` over the same tree.
# Prints files/s, files/s per core, MB/s and the ratio to grep, then checks every planted access was found.
#
# Usage: bench/java/run.sh [FILES]
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-5000}
jar=analyzer/target/blastradius.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
bench_heap=-Xmx512m
. bench/jvm.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/spring"
java bench/java/GenerateSpring.java "$repo" "$count"
files=$(find "$repo" -name '*.java' | wc -l)
bytes=$(find "$repo" \( -name '*.java' -o -name '*.sql' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
cores=$(nproc)

now() { date +%s.%N; }
grep -rc "Repository" "$repo" >/dev/null || true   # warm the file cache
t0=$(now); grep -rcE "SELECT|UPDATE|INSERT|DELETE|Repository|@Entity" "$repo" >/dev/null || true; t1=$(now)
run() { bin/blastradius scan --format json --output "$work/report.json" --no-progress "$repo"; }
run
t2=$(now); run; t3=$(now)
java -cp "$jar" bench/VerifyPlanted.java "$work/report.json" "$repo/planted.tsv" >&2
grep_s=$(echo "$t1 - $t0" | bc -l)
scan_s=$(echo "$t3 - $t2" | bc -l)
printf '%8s %8s %8s %10s %10s %10s %8s %9s\n' files MB cores scan_s grep_s ratio files/s /s/core
printf '%8d %8.1f %8d %10.2f %10.3f %9.0fx %8.0f %9.0f\n' "$files" "$(echo "$bytes / 1048576" | bc -l)" "$cores" \
  "$scan_s" "$grep_s" "$(echo "$scan_s / $grep_s" | bc -l)" "$(echo "$files / $scan_s" | bc -l)" \
  "$(echo "$files / $scan_s / $cores" | bc -l)"
