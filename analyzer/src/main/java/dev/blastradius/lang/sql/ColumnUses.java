package dev.blastradius.lang.sql;

import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Confidence;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the uses of one statement, one per column and kind: a column named twice is one use,
 * explicit when named anywhere, as sure as its surest mention.
 */
final class ColumnUses {

  private record Key(ColumnRef column, AccessKind kind) {}

  private final Map<Key, ColumnUse> uses = new LinkedHashMap<>();

  void add(ColumnRef column, AccessKind kind, Confidence confidence, boolean implicit) {
    uses.merge(
        new Key(column, kind),
        new ColumnUse(column, kind, confidence, implicit),
        (a, b) ->
            new ColumnUse(
                column,
                kind,
                a.confidence().strongest(b.confidence()),
                a.implicit() && b.implicit()));
  }

  List<ColumnUse> toList() {
    return new ArrayList<>(uses.values());
  }
}
