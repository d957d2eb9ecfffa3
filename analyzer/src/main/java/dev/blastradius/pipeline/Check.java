package dev.blastradius.pipeline;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.rules.BaseRevision;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.ReleaseContext;
import dev.blastradius.rules.ReleaseRule;
import dev.blastradius.rules.Rule;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleSettings;
import dev.blastradius.rules.Suppressions;
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.AnalysisProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check pass: runs every migration rule on each proposed migration and dispatches each change
 * to the change rules that consume its type, then runs the release rules once. Only rules that
 * apply to the target database run, and each migration is judged against the schema the migrations
 * before it leave. A rule that throws becomes a problem for that migration or change (or, for a
 * release rule, for the scan root); the other rules still run.
 */
final class Check {

  /**
   * Findings, the problems of rules that failed, and the findings suppressions hid (with the
   * suppression that hid each).
   */
  record Result(
      List<Finding> findings,
      List<AnalysisProblem> problems,
      List<Suppressions.SuppressedFinding> suppressed) {}

  private Check() {}

  static Result run(
      List<Migration> proposed,
      List<Rule> rules,
      ColumnAccessGraph graph,
      Catalog catalogBefore,
      RuleSettings settings) {
    return run(
        proposed, rules, graph, catalogBefore, settings, Suppressions.none(), Optional.empty());
  }

  /**
   * The check pass with the run's suppressions; {@code base} is the code at {@code --base REV},
   * when given.
   */
  static Result run(
      List<Migration> proposed,
      List<Rule> rules,
      ColumnAccessGraph graph,
      Catalog catalogBefore,
      RuleSettings settings,
      Suppressions suppressions,
      Optional<BaseRevision> base) {
    List<Finding> findings = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    List<Rule> applicable = rules.stream().filter(r -> r.appliesTo(settings)).toList();
    // Each rule sees the graph without the code sites suppressed for it.
    Map<Rule, ColumnAccessGraph> graphs = new HashMap<>();
    for (Rule rule : applicable) {
      String id = rule.metadata().id();
      graphs.put(
          rule,
          suppressions.mentions(id)
              ? graph.filter(a -> suppressions.covering(id, a.location()) == null)
              : graph);
    }
    Catalog catalog = catalogBefore;
    List<Migration> earlier = new ArrayList<>();
    RuleContext context = null;
    for (Migration migration : proposed) {
      context = new RuleContext(graph, catalog, migration, settings, earlier, suppressions, base);
      List<Rule> judging = applicable.stream().filter(r -> r.appliesTo(migration)).toList();
      for (Rule rule : judging) {
        if (rule instanceof MigrationRule migrationRule
            && !migrationRule.runsLast()
            && !migrationRule.wholeRelease()) {
          try {
            findings.addAll(
                suppressions.filter(migrationRule.check(context.withGraph(graphs.get(rule)))));
          } catch (RuntimeException e) {
            problems.add(failed(rule, migration.path(), 0, e));
          }
        }
      }
      for (LocatedChange change : migration.changes()) {
        for (Rule rule : judging) {
          if (rule instanceof ChangeRule changeRule
              && changeRule.consumes().isInstance(change.change())) {
            try {
              findings.addAll(
                  suppressions.filter(
                      changeRule.check(change, context.withGraph(graphs.get(rule)))));
            } catch (RuntimeException e) {
              problems.add(
                  failed(rule, change.location().path(), change.location().startLine(), e));
            }
          }
        }
      }
      // The next migration runs against the schema this one leaves.
      Catalog.Builder builder = catalog.toBuilder();
      migration.changes().forEach(c -> c.change().applyTo(builder));
      catalog = builder.build();
      earlier.add(migration);
    }
    // Release rules judge the code change since --base once, whether or not a migration changed.
    for (Rule rule : applicable) {
      if (rule instanceof ReleaseRule releaseRule) {
        try {
          ReleaseContext release = new ReleaseContext(graphs.get(rule), base, proposed, settings);
          findings.addAll(suppressions.filter(releaseRule.check(release)));
        } catch (RuntimeException e) {
          problems.add(failed(rule, ".", 0, e));
        }
      }
    }
    if (context != null) {
      for (Rule rule : applicable) {
        if (rule instanceof MigrationRule migrationRule && migrationRule.wholeRelease()) {
          try {
            findings.addAll(
                suppressions.filter(migrationRule.check(context.withGraph(graphs.get(rule)))));
          } catch (RuntimeException e) {
            problems.add(failed(rule, context.migration().path(), 0, e));
          }
        }
      }
      for (Rule rule : applicable) {
        if (rule instanceof MigrationRule migrationRule && migrationRule.runsLast()) {
          try {
            findings.addAll(migrationRule.check(context));
          } catch (RuntimeException e) {
            problems.add(failed(rule, context.migration().path(), 0, e));
          }
        }
      }
    }
    findings.sort(null);
    return new Result(findings, problems, suppressions.suppressedFindings());
  }

  private static AnalysisProblem failed(Rule rule, String path, int line, RuntimeException e) {
    return new AnalysisProblem(
        path,
        "check",
        "rule " + rule.metadata().id() + " failed: An exception was thrown by blastradius: " + e,
        line);
  }
}
