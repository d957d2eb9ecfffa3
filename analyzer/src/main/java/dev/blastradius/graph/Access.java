package dev.blastradius.graph;

import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One read, write or DDL of a column at a code site.
 *
 * @param implicit true when the column is not named at the site ({@code SELECT *}, a full entity)
 * @param location the host statement that issues the query (its first line is the access line)
 * @param snippet the host statement, whitespace-collapsed and shortened, for display
 * @param entryPoints every entry point that reaches the site, sorted; empty when none was found
 * @param inserts for a write: the site creates rows and supplies this column's value ({@code
 *     INSERT}, the insert part of an upsert or {@code MERGE}, an ORM persist or save); a row
 *     created at a site without an inserting write of a column leaves that column to its default
 */
public record Access(
    ColumnRef column,
    AccessKind kind,
    Via via,
    Confidence confidence,
    boolean implicit,
    Location location,
    String snippet,
    List<EntryPoint> entryPoints,
    boolean inserts)
    implements Comparable<Access> {

  /** The report order of DESIGN §4: table, column, path, line, kind. */
  public static final Comparator<Access> ORDER =
      Comparator.comparing(Access::column)
          .thenComparing(a -> a.location().path())
          .thenComparingInt(a -> a.location().startLine())
          .thenComparing(Access::kind)
          .thenComparing(a -> a.location())
          .thenComparing(Access::via)
          .thenComparing(Access::confidence)
          .thenComparing(Access::implicit)
          .thenComparing(Access::snippet)
          .thenComparing(Access::inserts);

  public Access {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(location, "location");
    snippet = snippet == null ? "" : snippet;
    entryPoints = entryPoints.stream().distinct().sorted().toList();
  }

  /** An access that creates no rows. */
  public Access(
      ColumnRef column,
      AccessKind kind,
      Via via,
      Confidence confidence,
      boolean implicit,
      Location location,
      String snippet,
      List<EntryPoint> entryPoints) {
    this(column, kind, via, confidence, implicit, location, snippet, entryPoints, false);
  }

  /** The same access reached from these entry points. */
  public Access withEntryPoints(List<EntryPoint> reachedFrom) {
    return new Access(
        column, kind, via, confidence, implicit, location, snippet, reachedFrom, inserts);
  }

  /** The same access, marked as supplying a column of rows the site creates. */
  public Access inserting() {
    return new Access(
        column, kind, via, confidence, implicit, location, snippet, entryPoints, true);
  }

  /**
   * Whether this access matters to a live deploy: it is not DDL and at least one entry point that
   * reaches it (or none known, which we cannot rule out) counts towards the blast radius.
   */
  public boolean isLiveCodeAccess() {
    return kind != AccessKind.DDL
        && (entryPoints.isEmpty()
            || entryPoints.stream().anyMatch(e -> e.kind().countsTowardsBlastRadius()));
  }

  @Override
  public int compareTo(Access other) {
    return ORDER.compare(this, other);
  }
}
