package dev.blastradius.pipeline;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Rule;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.source.AnalysisProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The check pass: dispatches each proposed change to the rules that consume its type. A rule that
 * throws becomes a problem for that change; the other rules still run.
 */
final class Check {

  /** Findings and the problems of rules that failed. */
  record Result(List<Finding> findings, List<AnalysisProblem> problems) {}

  private Check() {}

  static Result run(List<Migration> proposed, List<Rule> rules, RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    List<AnalysisProblem> problems = new ArrayList<>();
    for (Migration migration : proposed) {
      for (LocatedChange change : migration.changes()) {
        for (Rule rule : rules) {
          if (!rule.consumes().isInstance(change.change())) {
            continue;
          }
          try {
            findings.addAll(rule.check(change, context));
          } catch (RuntimeException e) {
            problems.add(
                new AnalysisProblem(
                    change.location().path(),
                    "check",
                    "rule "
                        + rule.metadata().id()
                        + " failed: An exception was thrown by blastradius: "
                        + e,
                    change.location().startLine()));
          }
        }
      }
    }
    findings.sort(null);
    return new Result(findings, problems);
  }
}
