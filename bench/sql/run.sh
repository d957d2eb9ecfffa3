#!/usr/bin/env bash
# SQL frontend benchmark (issue 4): a generated tree of FILES migration files holding about STATEMENTS
# statements (default 2000 / 50000; a Postgres service and a MySQL service, GenerateSqlCorpus.java),
# scanned by `blastradius scan` with the shaded jar, next to `grep -rc` over the same tree. Prints
# statements/s, MB/s per core and µs per statement, the ratio to grep, and (SqlThroughput.java) the
# split / JSqlParser / walk breakdown of the SQL frontend on one thread. Fails unless every generated
# statement was analysed and every planted access was found, so speed is never bought with misses.
#
# Usage: bench/sql/run.sh [FILES] [STATEMENTS]
# Environment: WARMUP_S (default 30) and ROUNDS (default 5) for the breakdown; BREAKDOWN=0 skips it;
# JAVA_OPTS and BLASTRADIUS_CDS for the scan JVM (bench/jvm.sh: through bin/blastradius, C1 and the
# class-data-sharing archive by default); SQUAWK=0 skips the
# squawk comparison (squawk-cli 2.66.0 through npx, when npm is installed: its native binary lints the
# Postgres service, the same files, and the ratio of the two wall and CPU times is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-2000}
statements=${2:-50000}
jar=analyzer/target/blastradius.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
. bench/jvm.sh
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

scan_postgres() {
  bin/blastradius scan --no-progress --format json --output "$work/postgres.json" "$tree/postgres"
}
scan_mysql() {
  bin/blastradius scan --no-progress --dialect mysql --format json --output "$work/mysql.json" "$tree/mysql"
}
scan() { # scan both services; each is a separate project with its own dialect
  scan_postgres && scan_mysql
}

grep -rc "SELECT" "$tree" >/dev/null || true # warm the file cache
read -r grep_wall grep_cpu < <(timed grep -rcE "SELECT|INSERT|UPDATE|DELETE|ALTER|CREATE" "$tree")
scan >/dev/null 2>&1 || true # warm-up run: file cache, JIT-compiled JDK classes in the CDS archive
read -r postgres_wall postgres_cpu < <(timed scan_postgres)
read -r mysql_wall mysql_cpu < <(timed scan_mysql)
scan_wall=$(echo "$postgres_wall + $mysql_wall" | bc -l)
scan_cpu=$(echo "$postgres_cpu + $mysql_cpu" | bc -l)

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

# squawk (Postgres only) on the Postgres service: the pinned npm package, then its native binary.
squawk_version=2.66.0
if [ "${SQUAWK:-1}" = 0 ]; then
  echo; echo "squawk: skipped (SQUAWK=0)"
elif ! command -v npx >/dev/null; then
  echo; echo "squawk: skipped (npx not found; install Node.js and npm to compare with squawk-cli@$squawk_version)"
elif ! npx --yes "squawk-cli@$squawk_version" --version >"$work/squawk-version" 2>&1; then
  echo; echo "squawk: skipped (npx --yes squawk-cli@$squawk_version failed: $(head -1 "$work/squawk-version"))"
else
  squawk=$(find "$(npm config get cache)/_npx" -path "*/node_modules/@squawk-cli/*/bin/squawk" -type f \
    2>/dev/null | while read -r b; do
      [ "$("$b" --version 2>/dev/null)" = "squawk $squawk_version" ] && echo "$b" && break
    done || true)
  squawk_kind="native binary"
  if [ -z "$squawk" ]; then # the native binary was not found: time the npx launcher (node start included)
    squawk_kind="npx launcher"
  fi
  find "$tree/postgres" -name '*.sql' | sort >"$work/postgres-files"
  squawk_run() { # squawk exits 1 when it finds issues; only its time matters here
    if [ -n "$squawk" ]; then
      xargs -a "$work/postgres-files" "$squawk" >/dev/null 2>&1 || true
    else
      xargs -a "$work/postgres-files" npx --yes "squawk-cli@$squawk_version" >/dev/null 2>&1 || true
    fi
  }
  squawk_run # warm-up
  read -r squawk_wall squawk_cpu < <(timed squawk_run)
  postgres_statements=$(cut -d= -f2 "$tree/postgres/expect.txt")
  echo
  echo "squawk $squawk_version ($squawk_kind) on the Postgres service, $postgres_statements statements:"
  printf '%-22s %8s %8s %12s %14s\n' "" wall_s cpu_s stmts/s stmts/s/core
  srow() {
    printf '%-22s %8.2f %8.2f %12.0f %14.0f\n' "$1" "$2" "$3" \
      "$(per "$postgres_statements / $2")" "$(per "$postgres_statements / $3")"
  }
  srow "blastradius scan" "$postgres_wall" "$postgres_cpu"
  srow "squawk" "$squawk_wall" "$squawk_cpu"
  printf '%-22s %7.1fx %7.1fx\n' "ratio scan / squawk" "$(per "$postgres_wall / $squawk_wall")" \
    "$(per "$postgres_cpu / $squawk_cpu")"
fi

if [ "${BREAKDOWN:-1}" != 0 ]; then
  echo
  java -cp "$jar" bench/sql/SqlThroughput.java "$tree" "${WARMUP_S:-30}" "${ROUNDS:-5}"
fi
