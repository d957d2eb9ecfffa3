#!/usr/bin/env bash
# SQL frontend benchmark (issue 4): a generated tree of FILES migration files holding about STATEMENTS
# statements (default 2000 / 50000; a Postgres service and a MySQL service, GenerateSqlCorpus.java),
# scanned by `blastradius scan` with the shaded jar, next to `grep -rc` over the same tree. Prints
# statements/s, MB/s per core and µs per statement, the ratio to grep, and (SqlThroughput.java) the
# split / JSqlParser / walk breakdown of the SQL frontend on one thread. Fails unless every generated
# statement was analysed and every planted access was found, so speed is never bought with misses.
#
# Usage: bench/sql/run.sh [FILES] [STATEMENTS]
# Environment: WARMUP_S (default 15) and ROUNDS (default 3) for the breakdown; BREAKDOWN=0 skips it;
# JAVA_OPTS for the scan JVM (e.g. -XX:TieredStopAtLevel=1, which bin/blastradius uses).
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-2000}
statements=${2:-50000}
jar=analyzer/target/blastradius.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
java bench/sql/GenerateSqlCorpus.java "$tree" "$files" "$statements"
generated=$(( $(cut -d= -f2 "$tree/postgres/expect.txt") + $(cut -d= -f2 "$tree/mysql/expect.txt") ))
bytes=$(find "$tree" -name '*.sql' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
cores=$(nproc)

# Runs a command and prints "wall cpu" in seconds; CPU is user + system of the command and its children.
timed() {
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>"$work/stderr"; } 2>&1 | awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}

scan() { # scan both services; each is a separate project with its own dialect
  java ${JAVA_OPTS:-} -jar "$jar" scan --no-progress --format json --output "$work/postgres.json" "$tree/postgres" &&
    java ${JAVA_OPTS:-} -jar "$jar" scan --no-progress --dialect mysql --format json --output "$work/mysql.json" "$tree/mysql"
}

grep -rc "SELECT" "$tree" >/dev/null || true # warm the file cache
read -r grep_wall grep_cpu < <(timed grep -rcE "SELECT|INSERT|UPDATE|DELETE|ALTER|CREATE" "$tree")
scan >/dev/null 2>&1 || true # warm-up run: file cache, JIT-compiled JDK classes in the CDS archive
read -r scan_wall scan_cpu < <(timed scan)

for service in postgres mysql; do
  if [ "$(jq '.coverage.sqlUnanalysed' "$work/$service.json")" -ne 0 ]; then
    echo "bench/sql/run.sh: $service: unanalysed statements:" >&2
    jq -r '.problems[:5][] | "  \(.path):\(.line) \(.message)"' "$work/$service.json" >&2
    exit 1
  fi
  java -cp "$jar" bench/VerifyPlanted.java "$work/$service.json" "$tree/$service/planted.tsv" >&2
done
seen=$(jq -s 'map(.coverage.sqlStatements) | add' "$work/postgres.json" "$work/mysql.json")

per() { echo "$1" | bc -l; }
printf '\n%8s %8s %9s %10s %6s\n' files MB generated analysed cores
printf '%8d %8.1f %9d %10d %6d\n' "$files" "$(per "$bytes / 1048576")" "$generated" "$seen" "$cores"
printf '\n%-22s %8s %8s %12s %14s %12s %10s\n' "" wall_s cpu_s stmts/s stmts/s/core MB/s/core "µs/stmt"
row() { # name wall cpu; per-core figures use CPU time, which the shared machine's load does not inflate
  printf '%-22s %8.2f %8.2f %12.0f %14.0f %12.2f %10.1f\n' "$1" "$2" "$3" \
    "$(per "$generated / $2")" "$(per "$generated / $3")" "$(per "$bytes / 1048576 / $3")" \
    "$(per "$3 * 1000000 / $generated")"
}
row "blastradius scan" "$scan_wall" "$scan_cpu"
row "grep -rcE" "$grep_wall" "$grep_cpu"
printf '%-22s %8.0fx %7.0fx\n' "ratio scan / grep" "$(per "$scan_wall / $grep_wall")" \
  "$(per "$scan_cpu / $grep_cpu")"

if [ "${BREAKDOWN:-1}" != 0 ]; then
  echo
  java -cp "$jar" bench/sql/SqlThroughput.java "$tree" "${WARMUP_S:-15}" "${ROUNDS:-3}"
fi
