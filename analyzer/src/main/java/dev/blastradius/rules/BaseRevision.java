package dev.blastradius.rules;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import java.util.List;

/**
 * The code at the revision {@code check --base REV} compares with: the release that runs in
 * production until the new one is rolled out, and again after a rollback. Its paths are report
 * paths, like those of the working tree, but its lines are the lines at REV.
 *
 * @param revision the revision as the user wrote it ({@code origin/main})
 * @param graph every access of the code at REV, with its entry points
 * @param catalog the schema the migrations at REV leave
 */
public record BaseRevision(String revision, ColumnAccessGraph graph, Catalog catalog) {

  /** The tag of the rules that compare the code at the base revision with the working tree. */
  public static final String TAG = "needs-base";

  /** The live code accesses of {@code column} at REV (DDL and migration-only accesses left out). */
  public List<Access> liveAccessesOf(ColumnRef column) {
    return graph.liveCodeAccessesOf(column);
  }

  /** A related site of the code at REV: its label says so, and reports mark its revision. */
  public RelatedLocation site(Access access) {
    return new RelatedLocation(
        access.location(), AccessLabels.of(access) + " (at " + revision + ")", revision);
  }
}
