package dev.blastradius.lang.ts;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.graph.Via;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns one ORM or query-builder call reads and writes, one use per column and kind: a column
 * both named and implied (a filter column of a whole-record read) is a named, certain use.
 */
public final class DataUses {

  /**
   * One use.
   *
   * @param inserts a write that supplies the column of rows the call creates
   */
  public record Use(
      ColumnRef column,
      AccessKind kind,
      Confidence confidence,
      boolean implicit,
      boolean inserts) {}

  private final Map<String, Use> uses = new LinkedHashMap<>();

  /** Adds a use: named uses are certain, implicit ones likely. */
  public void add(ColumnRef column, AccessKind kind, boolean implicit) {
    add(column, kind, implicit, false);
  }

  /**
   * Adds a use; {@code inserts} marks a column value supplied to rows the call creates (a whole
   * table's write never is: which columns it supplies is unknown).
   */
  public void add(ColumnRef column, AccessKind kind, boolean implicit, boolean inserts) {
    Confidence confidence = implicit ? Confidence.LIKELY : Confidence.CERTAIN;
    boolean supplies = inserts && kind == AccessKind.WRITE && !column.isTableLevel();
    uses.merge(
        column + "\n" + kind,
        new Use(column, kind, confidence, implicit, supplies),
        (a, b) ->
            new Use(
                a.column(),
                a.kind(),
                a.confidence().strongest(b.confidence()),
                a.implicit() && b.implicit(),
                a.inserts() || b.inserts()));
  }

  public List<Use> all() {
    return List.copyOf(uses.values());
  }

  /** Records every use as an access of {@code unitId} at one site. */
  public void record(
      FileFacts.Builder facts, String unitId, Via via, Location location, String snippet) {
    for (Use use : uses.values()) {
      facts.access(
          new UnitAccess(
              unitId,
              new Access(
                  use.column(),
                  use.kind(),
                  via,
                  use.confidence(),
                  use.implicit(),
                  location,
                  snippet,
                  List.of(),
                  use.inserts())));
    }
  }
}
