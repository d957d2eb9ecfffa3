# Sourced by the bench scripts after $jar is set: the scans run `bin/blastradius`, as a user runs them,
# and the launcher decides the JVM options (C1 only, the class-data-sharing archive next to the jar).
#   JAVA_OPTS          replaces the launcher's default -XX:TieredStopAtLevel=1 (JAVA_OPTS= for the JVM's)
#   BLASTRADIUS_CDS=0  without the archive
#   bench_heap         set before sourcing, e.g. -Xmx512m
export BLASTRADIUS_JAR="$jar"
export BLASTRADIUS_JAVA_OPTS="${bench_heap:-} ${JAVA_OPTS--XX:TieredStopAtLevel=1}"
