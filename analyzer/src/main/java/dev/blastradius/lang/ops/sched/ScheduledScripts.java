package dev.blastradius.lang.ops.sched;

import dev.blastradius.graph.CallGraph;
import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rule "every executable script is a {@code script} entry point unless a scheduler says
 * it is {@code cron}": a {@code script} entry point declared on code that a scheduler job runs
 * directly (a shell script, a Python {@code __main__}, a management command) is dropped, so that
 * code shows the scheduler's kind alone. Run before the call graph propagates entry points.
 */
public final class ScheduledScripts {

  /** The prefix of every scheduler job's unit id. */
  static final String UNIT_PREFIX = "sched:";

  private ScheduledScripts() {}

  /** Removes, in place, the {@code script} entry points of the units scheduler jobs call. */
  public static void demote(
      Collection<CodeUnit> units,
      Collection<CallSite> calls,
      Map<String, Set<EntryPoint>> entryPoints) {
    Set<String> names = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (CallSite call : calls) {
      if (!call.callerId().startsWith(UNIT_PREFIX)) {
        continue;
      }
      if (call.name().startsWith(CallGraph.BY_ID)) {
        ids.add(call.name().substring(CallGraph.BY_ID.length()));
      } else {
        names.add(call.name() + "/" + call.arity());
      }
    }
    if (ids.isEmpty() && names.isEmpty()) {
      return;
    }
    for (CodeUnit unit : units) {
      if (ids.contains(unit.id()) || names.contains(unit.name() + "/" + unit.arity())) {
        Set<EntryPoint> declared = entryPoints.get(unit.id());
        if (declared == null) {
          continue;
        }
        Set<EntryPoint> scripts = new HashSet<>();
        declared.stream().filter(e -> e.kind() == EntryPointKind.SCRIPT).forEach(scripts::add);
        // The same entry point on the other units of a management command goes too.
        entryPoints.values().forEach(s -> s.removeAll(scripts));
      }
    }
  }
}
