package dev.blastradius.rules.expandcontract;

import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
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
public final class UnusedIgnore implements MigrationRule {

  private static final Set<String> PLACEHOLDERS = Set.of("ids", "why");

  private final RuleMetadata metadata;

  public UnusedIgnore(RuleMetadata metadata) {
    this.metadata = metadata;
  }

  @Override
  public RuleMetadata metadata() {
    return metadata;
  }

  @Override
  public Set<String> placeholders() {
    return PLACEHOLDERS;
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
      String message =
          MessageTemplate.format(
              metadata.message(), Map.of("ids", String.join(", ", ids), "why", why));
      findings.add(
          new Finding(
              metadata.id(),
              metadata.severity(),
              message,
              s.where(),
              List.of(),
              Fingerprints.of(
                  metadata.id(),
                  String.join(",", s.ruleIds()),
                  s.where().path() + "\n" + s.reason())));
    }
    return findings;
  }
}
