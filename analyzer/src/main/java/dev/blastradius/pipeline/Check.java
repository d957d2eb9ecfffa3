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
import dev.blastradius.schema.Catalog;
import dev.blastradius.source.AnalysisProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The check pass: runs every migration rule on each proposed migration and dispatches each change
 * to the change rules that consume its type, then runs the release rules once. Only rules that
 * apply to the target database run, and each migration is judged against the schema the migrations
 * before it leave. A rule that throws becomes a problem for that migration or change (or, for a
 * release rule, for the scan root); the other rules still run.
 */
final class Check {

  /** Findings and the problems of rules that failed. */
  record Result(List<Finding> findings, List<AnalysisProblem> problems) {}

  private Check() {}

  /** The check pass; {@code base} is the code at {@code --base REV}, when given. */
  static Result run(
      List<Migration> proposed,
      List<Rule> rules,
      ColumnAccessGraph graph,
      Catalog catalogBefore,
      RuleSettings settings,
      Optional<BaseRevision> base) {
    List<Finding> findings = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    Catalog catalog = catalogBefore;
    List<Migration> earlier = new ArrayList<>();
    List<Rule> applicable = rules.stream().filter(r -> r.appliesTo(settings)).toList();
    for (Migration migration : proposed) {
      RuleContext context = new RuleContext(graph, catalog, migration, settings, earlier, base);
      for (Rule rule : applicable) {
        if (rule instanceof MigrationRule migrationRule) {
          try {
            findings.addAll(migrationRule.check(context));
          } catch (RuntimeException e) {
            problems.add(failed(rule, migration.path(), 0, e));
          }
        }
      }
      for (LocatedChange change : migration.changes()) {
        for (Rule rule : applicable) {
          if (rule instanceof ChangeRule changeRule
              && changeRule.consumes().isInstance(change.change())) {
            try {
              findings.addAll(changeRule.check(change, context));
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
    ReleaseContext release = new ReleaseContext(graph, base, proposed, settings);
    for (Rule rule : applicable) {
      if (rule instanceof ReleaseRule releaseRule) {
        try {
          findings.addAll(releaseRule.check(release));
        } catch (RuntimeException e) {
          problems.add(failed(rule, ".", 0, e));
        }
      }
    }
    findings.sort(null);
    return new Result(findings, problems);
  }

  private static AnalysisProblem failed(Rule rule, String path, int line, RuntimeException e) {
    return new AnalysisProblem(
        path,
        "check",
        "rule " + rule.metadata().id() + " failed: An exception was thrown by blastradius: " + e,
        line);
  }
}
