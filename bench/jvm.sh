# Sourced by the bench scripts: the JVM options a scan runs with, the same as bin/blastradius's.
#   JAVA_OPTS      default -XX:TieredStopAtLevel=1 (C1 only; JAVA_OPTS= for the JVM's default)
#   BENCH_CDS=0    without the class-data-sharing archive the build writes next to the jar
# Sets scan_opts (a list of options, unquoted on use) from $jar.
scan_opts=${JAVA_OPTS--XX:TieredStopAtLevel=1}
archive=${jar%.jar}.jsa
if [ "${BENCH_CDS:-1}" != 0 ] && [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  scan_opts="-XX:SharedArchiveFile=$archive -Xlog:disable -Xlog:all=warning,cds=off:stderr $scan_opts"
fi
echo "scan JVM options: $scan_opts" >&2
