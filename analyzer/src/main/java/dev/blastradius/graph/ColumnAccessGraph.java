package dev.blastradius.graph;

import dev.blastradius.change.RowUpdate;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every access to every column, indexed by column, and the shapes of the updates that code issues.
 * Immutable; accesses are sorted.
 */
public final class ColumnAccessGraph {

  private final List<Access> accesses;
  private final Map<ColumnRef, List<Access>> byColumn;
  private final Map<Location, List<RowUpdate>> updates;

  public ColumnAccessGraph(List<Access> accesses) {
    this(accesses, List.of());
  }

  public ColumnAccessGraph(List<Access> accesses, List<CodeUpdate> updates) {
    this.updates =
        Collections.unmodifiableMap(
            updates.stream()
                .sorted()
                .distinct()
                .collect(
                    Collectors.groupingBy(
                        CodeUpdate::location,
                        TreeMap::new,
                        Collectors.mapping(
                            CodeUpdate::shape,
                            Collectors.collectingAndThen(Collectors.toList(), List::copyOf)))));
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

  /** The same graph without the accesses {@code keep} rejects; the update shapes stay. */
  public ColumnAccessGraph filter(Predicate<Access> keep) {
    List<CodeUpdate> shapes = new ArrayList<>();
    updates.forEach((location, list) -> list.forEach(u -> shapes.add(new CodeUpdate(location, u))));
    return new ColumnAccessGraph(accesses.stream().filter(keep).toList(), shapes);
  }

  /** The shapes of the updates that code issues at {@code location}, in a stable order. */
  public List<RowUpdate> updatesAt(Location location) {
    return updates.getOrDefault(location, List.of());
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

  /**
   * The accesses of one column that running application code makes (DDL and migration-only accesses
   * left out), in report order: what breaks when the column changes.
   */
  public List<Access> liveCodeAccessesOf(ColumnRef column) {
    return accessesOf(column).stream().filter(Access::isLiveCodeAccess).toList();
  }

  /** {@link #liveCodeAccessesOf(ColumnRef)} of the given kinds only. */
  public List<Access> liveCodeAccessesOf(ColumnRef column, Set<AccessKind> kinds) {
    return accessesOf(column).stream()
        .filter(a -> kinds.contains(a.kind()))
        .filter(Access::isLiveCodeAccess)
        .toList();
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
