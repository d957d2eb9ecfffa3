package dev.blastradius.rules.expandcontract;

import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.source.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the expand-contract rules share: the metadata they were configured from and the placeholders
 * they fill. Subclasses implement {@code ChangeRule} or {@code MigrationRule}; their behaviour is
 * documented in {@code rules/expand-contract/<id>.md}.
 */
abstract class ExpandContractRule {

  private final RuleMetadata metadata;
  private final Set<String> placeholders;

  ExpandContractRule(RuleMetadata metadata, Set<String> placeholders) {
    this.metadata = metadata;
    this.placeholders = Set.copyOf(placeholders);
  }

  /** The metadata this rule was configured from. */
  public RuleMetadata metadata() {
    return metadata;
  }

  /** The placeholders the subclass fills in its messages. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /**
   * A finding of this rule at {@code location}, its message filled from {@code values}, its
   * fingerprint from the rule, {@code subject} and the {@code statement} text.
   */
  Finding finding(
      Location location,
      String subject,
      String statement,
      Map<String, String> values,
      List<RelatedLocation> related) {
    return finding(
        location, subject, statement, MessageTemplate.format(metadata.message(), values), related);
  }

  /** A finding of this rule with a message already made. */
  Finding finding(
      Location location,
      String subject,
      String statement,
      String message,
      List<RelatedLocation> related) {
    return new Finding(
        metadata.id(),
        metadata.severity(),
        message,
        location,
        related,
        Fingerprints.of(metadata.id(), subject, statement));
  }
}
