#!/usr/bin/env bash
# End-to-end benchmark: `blastradius scan` over generated repositories next to `grep -rc` over the same
# tree, with a check that every planted access was found. Prints wall times and ratios.
#
# Usage: bench/run.sh [LOC ...]        (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
jar=analyzer/target/blastradius.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
. bench/jvm.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
printf '%-10s %8s %10s %10s %10s %8s\n' LOC files scan_s grep_s ratio files/s
for loc in "${sizes[@]}"; do
  repo="$work/repo-$loc"
  java bench/GenerateRepo.java "$repo" "$loc" >/dev/null
  files=$(find "$repo" -name '*.java' -o -name '*.sql' | wc -l)
  # Warm the file cache so both tools read from memory.
  grep -rc "SELECT" "$repo" >/dev/null || true
  t0=$(now); grep -rcE "SELECT|UPDATE|INSERT|DELETE" "$repo" >/dev/null || true; t1=$(now)
  bin/blastradius scan --format json --output "$work/report-$loc.json" --no-progress "$repo"
  t2=$(now)
  bin/blastradius scan --format json --output "$work/report-$loc.json" --no-progress "$repo"
  t3=$(now)
  java -cp "$jar" bench/VerifyPlanted.java "$work/report-$loc.json" "$repo/planted.tsv" >&2
  grep_s=$(echo "$t1 - $t0" | bc -l)
  scan_s=$(echo "$t3 - $t2" | bc -l)
  printf '%-10s %8d %10.2f %10.3f %10.0fx %8.0f\n' "$loc" "$files" "$scan_s" "$grep_s" \
    "$(echo "$scan_s / $grep_s" | bc -l)" "$(echo "$files / $scan_s" | bc -l)"
done
