package dev.blastradius.pipeline;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.CallGraph;
import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.CodeUpdate;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.RoutineUnits;
import dev.blastradius.lang.UnitAccess;
import dev.blastradius.lang.ops.sched.ScheduledScripts;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolve pass: joins every file's units, calls and declared entry points into one {@link
 * CallGraph} — with each trigger called by every unit that writes its table — and gives each access
 * the entry points that reach its unit. A database routine nothing reaches gets an {@code unknown}
 * entry point that names it.
 */
final class Resolve {

  private Resolve() {}

  static ColumnAccessGraph run(List<FileFacts> allFacts, List<Catalog.Trigger> triggers) {
    return run(allFacts, triggers, List.of());
  }

  /**
   * Resolves, adding the configured entry points: every unit of a file matching a glob of {@code
   * configured} is an entry point of its kind, named by the file.
   */
  static ColumnAccessGraph run(
      List<FileFacts> allFacts,
      List<Catalog.Trigger> triggers,
      List<CheckPolicy.GlobEntryPoint> configured) {
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
    List<PathMatcher> matchers =
        configured.stream()
            .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g.glob()))
            .toList();
    Map<String, EntryPoint> fileEntryPoints = new HashMap<>();
    for (FileFacts facts : allFacts) {
      for (int i = 0; i < configured.size(); i++) {
        if (matchers.get(i).matches(Path.of(facts.path()))) {
          EntryPoint entryPoint =
              new EntryPoint(
                  configured.get(i).kind(), facts.path(), Location.ofLine(facts.path(), 1));
          fileEntryPoints.putIfAbsent(facts.path(), entryPoint);
          for (CodeUnit unit : facts.units()) {
            entryPoints.computeIfAbsent(unit.id(), k -> new HashSet<>()).add(entryPoint);
          }
          break;
        }
      }
    }
    ScheduledScripts.demote(units, calls, entryPoints);
    calls.addAll(triggerCalls(allFacts, triggers));
    CallGraph callGraph = new CallGraph(units, calls, types, entryPoints);
    Map<String, CodeUnit> unitsById = new HashMap<>();
    units.forEach(u -> unitsById.putIfAbsent(u.id(), u));
    List<Access> accesses = new ArrayList<>();
    for (FileFacts facts : allFacts) {
      for (UnitAccess access : facts.accesses()) {
        List<EntryPoint> reached = callGraph.entryPointsReaching(access.unitId());
        if (reached.isEmpty() && fileEntryPoints.containsKey(facts.path())) {
          // A file-level access (a script's top level) in a configured file.
          reached = List.of(fileEntryPoints.get(facts.path()));
        } else if (reached.isEmpty() && unitsById.containsKey(access.unitId())) {
          reached =
              RoutineUnits.unknownEntryPoint(unitsById.get(access.unitId()))
                  .map(List::of)
                  .orElse(List.of());
        }
        accesses.add(access.access().withEntryPoints(reached));
      }
    }
    List<CodeUpdate> updates = new ArrayList<>();
    allFacts.forEach(f -> updates.addAll(f.updates()));
    return new ColumnAccessGraph(accesses, updates);
  }

  /** Every unit that writes a trigger's table fires the trigger. */
  private static List<CallSite> triggerCalls(
      List<FileFacts> allFacts, List<Catalog.Trigger> triggers) {
    List<CallSite> calls = new ArrayList<>();
    if (triggers.isEmpty()) {
      return calls;
    }
    Map<TableRef, List<Catalog.Trigger>> byTable = new HashMap<>();
    triggers.forEach(t -> byTable.computeIfAbsent(t.table(), k -> new ArrayList<>()).add(t));
    Set<String> seen = new HashSet<>();
    for (FileFacts facts : allFacts) {
      for (UnitAccess access : facts.accesses()) {
        if (access.access().kind() != AccessKind.WRITE) {
          continue;
        }
        List<Catalog.Trigger> firing =
            byTable.getOrDefault(access.access().column().tableRef(), List.of());
        for (Catalog.Trigger trigger : firing) {
          String triggerId = RoutineUnits.triggerId(trigger);
          if (!access.unitId().equals(triggerId) && seen.add(access.unitId() + "\n" + triggerId)) {
            calls.add(RoutineUnits.fire(access.unitId(), trigger));
          }
        }
      }
    }
    return calls;
  }
}
