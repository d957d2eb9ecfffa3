package dev.blastradius.lang.python.link;

import dev.blastradius.graph.Access;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.UnitAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the accesses the adapters find in one file, one per unit, column, kind, via and site: a
 * column both named at a site and part of a whole-model load there is one explicit access with the
 * surer confidence.
 */
final class AccessSink {

  private final Map<String, UnitAccess> accesses = new LinkedHashMap<>();

  void add(String unitId, Access access) {
    String key =
        unitId
            + "\n"
            + access.column()
            + "\n"
            + access.kind()
            + "\n"
            + access.via()
            + "\n"
            + access.location();
    accesses.merge(
        key,
        new UnitAccess(unitId, access),
        (a, b) ->
            new UnitAccess(
                unitId,
                new Access(
                    a.access().column(),
                    a.access().kind(),
                    a.access().via(),
                    a.access().confidence().strongest(b.access().confidence()),
                    a.access().implicit() && b.access().implicit(),
                    a.access().location(),
                    a.access().snippet(),
                    java.util.List.of(),
                    a.access().inserts() || b.access().inserts())));
  }

  void drainTo(FileFacts.Builder facts) {
    accesses.values().forEach(facts::access);
    accesses.clear();
  }
}
