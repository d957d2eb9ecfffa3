package dev.blastradius.rules.expandcontract;

import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.rules.Suppression;
import dev.blastradius.rules.Suppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code unused-ignore}: a suppression that names a rule we do not have (a typo hides nothing and
 * reads as a waiver), or a suppression in a proposed migration for rules that ran and found nothing
 * there. Suppressions in application code waive findings of changes that may come later (a drop of
 * the column a dead reader uses), so only their unknown ids are reported; configuration entries are
 * never reported.
 */
public final class UnusedIgnore extends ExpandContractRule implements MigrationRule {

  private static final Set<String> PLACEHOLDERS = Set.of("ids", "why");

  public UnusedIgnore(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public boolean runsLast() {
    return true;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    Suppressions suppressions = context.suppressions();
    List<Finding> findings = new ArrayList<>();
    for (Suppression s : suppressions.all()) {
      if (s.scope() == Suppression.Scope.CONFIG) {
        continue;
      }
      List<String> unknown = s.ruleIds().stream().filter(id -> !suppressions.known(id)).toList();
      String why;
      List<String> ids;
      if (!unknown.isEmpty()) {
        ids = unknown;
        why = unknown.size() == 1 ? "is not a rule id" : "are not rule ids";
      } else if (suppressions.proposed(s.where().path())
          && !suppressions.used(s)
          && s.ruleIds().stream().allMatch(suppressions::ran)) {
        ids = s.ruleIds();
        why =
            s.scope() == Suppression.Scope.FILE
                ? "matches no finding in this file"
                : "matches no finding on line " + s.targetLine();
      } else {
        continue;
      }
      findings.add(
          finding(
              s.where(),
              String.join(",", s.ruleIds()),
              s.where().path() + "\n" + s.reason(),
              Map.of("ids", String.join(", ", ids), "why", why),
              List.of()));
    }
    return findings;
  }
}
