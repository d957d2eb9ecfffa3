package dev.blastradius.pipeline;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.CallGraph;
import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.UnitAccess;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolve pass: joins every file's units, calls and declared entry points into one {@link
 * CallGraph} and gives each access the entry points that reach its unit.
 */
final class Resolve {

  private Resolve() {}

  static ColumnAccessGraph run(List<FileFacts> allFacts) {
    List<CodeUnit> units = new ArrayList<>();
    List<CallSite> calls = new ArrayList<>();
    Map<String, Set<String>> types = new HashMap<>();
    Map<String, Set<EntryPoint>> entryPoints = new HashMap<>();
    for (FileFacts facts : allFacts) {
      units.addAll(facts.units());
      calls.addAll(facts.calls());
      facts.types().forEach((t, s) -> types.computeIfAbsent(t, k -> new HashSet<>()).addAll(s));
      facts
          .entryPoints()
          .forEach((u, e) -> entryPoints.computeIfAbsent(u, k -> new HashSet<>()).addAll(e));
    }
    CallGraph callGraph = new CallGraph(units, calls, types, entryPoints);
    List<Access> accesses = new ArrayList<>();
    for (FileFacts facts : allFacts) {
      for (UnitAccess access : facts.accesses()) {
        accesses.add(
            access.access().withEntryPoints(callGraph.entryPointsReaching(access.unitId())));
      }
    }
    return new ColumnAccessGraph(accesses);
  }
}
