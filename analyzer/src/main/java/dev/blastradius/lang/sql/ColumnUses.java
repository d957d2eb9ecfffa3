package dev.blastradius.lang.sql;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the uses of one statement, one per column and kind: a column named twice is one use,
 * explicit when named anywhere, as sure as its surest mention, through a view only when every
 * mention is.
 */
final class ColumnUses {

  private record Key(ColumnRef column, AccessKind kind) {}

  private final Map<Key, ColumnUse> uses = new LinkedHashMap<>();

  void add(ColumnRef column, AccessKind kind, Confidence confidence, boolean implicit) {
    add(new ColumnUse(column, kind, confidence, implicit, false));
  }

  void add(ColumnUse given) {
    ColumnUse use =
        inserting != null
                && given.kind() == AccessKind.WRITE
                && given.column().tableRef().equals(inserting)
                && !given.column().column().equals(ColumnRef.TABLE_LEVEL)
            ? new ColumnUse(
                given.column(),
                given.kind(),
                given.confidence(),
                given.implicit(),
                given.throughView(),
                true)
            : given;
    uses.merge(
        new Key(use.column(), use.kind()),
        use,
        (a, b) ->
            new ColumnUse(
                a.column(),
                a.kind(),
                a.confidence().strongest(b.confidence()),
                a.implicit() && b.implicit(),
                a.throughView() && b.throughView(),
                a.inserts() || b.inserts()));
  }

  private TableRef inserting;

  /**
   * From here until {@link #endInsert()}, writes of {@code target}'s columns supply inserted rows
   * (an INSERT's column list or positional values, a MERGE's insert branch).
   */
  void beginInsert(TableRef target) {
    inserting = target;
  }

  void endInsert() {
    inserting = null;
  }

  List<ColumnUse> toList() {
    return new ArrayList<>(uses.values());
  }
}
