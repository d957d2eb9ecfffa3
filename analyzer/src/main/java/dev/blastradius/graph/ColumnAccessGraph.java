package dev.blastradius.graph;

import dev.blastradius.schema.ColumnRef;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every access to every column, indexed by column. Immutable; accesses are sorted. */
public final class ColumnAccessGraph {

  private final List<Access> accesses;
  private final Map<ColumnRef, List<Access>> byColumn;

  public ColumnAccessGraph(List<Access> accesses) {
    this.accesses = accesses.stream().sorted().distinct().toList();
    this.byColumn =
        Collections.unmodifiableMap(
            this.accesses.stream()
                .collect(
                    Collectors.groupingBy(
                        Access::column,
                        TreeMap::new,
                        Collectors.collectingAndThen(Collectors.toList(), List::copyOf))));
  }

  /** All accesses in report order. */
  public List<Access> accesses() {
    return accesses;
  }

  /** Every column with at least one access, sorted. */
  public Set<ColumnRef> columns() {
    return byColumn.keySet();
  }

  /** The accesses of one column, in report order. */
  public List<Access> accessesOf(ColumnRef column) {
    return byColumn.getOrDefault(column, List.of());
  }

  /** Distinct live entry points and files that read or write the column. */
  public BlastRadius blastRadius(ColumnRef column) {
    Set<EntryPoint> entryPoints = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (Access access : accessesOf(column)) {
      if (!access.isLiveCodeAccess()) {
        continue;
      }
      files.add(access.location().path());
      access.entryPoints().stream()
          .filter(e -> e.kind().countsTowardsBlastRadius())
          .forEach(entryPoints::add);
    }
    return new BlastRadius(entryPoints.size(), files.size());
  }

  /** The number of distinct files with at least one access. */
  public int fileCount() {
    return (int) accesses.stream().map(a -> a.location().path()).distinct().count();
  }
}
