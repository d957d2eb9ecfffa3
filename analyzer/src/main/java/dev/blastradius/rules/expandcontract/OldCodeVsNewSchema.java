package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.BaseRevision;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/expand-contract/old-code-vs-new-schema.md}. Needs {@code
 * --base}: the sites are those of the code at the base revision. A drop whose last reference the
 * release removes is left to {@code same-release-drop}, which says the same with the fix.
 */
public final class OldCodeVsNewSchema extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("change", "sites", "revision", "reach");

  public OldCodeVsNewSchema(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    if (context.base().isEmpty()) {
      return List.of();
    }
    BaseRevision base = context.base().get();
    MigrationSession session = context.session();
    Catalog before = session.catalogBefore(session.indexOf(change));
    List<ColumnRef> columns =
        ChangeEffects.takenAway(change.change(), before, base.graph().columns());
    List<Access> oldSites = columns.stream().flatMap(c -> base.liveAccessesOf(c).stream()).toList();
    if (oldSites.isEmpty()
        || (SameReleaseDrop.isDrop(change.change())
            && !SameReleaseDrop.usedByNewCode(change.change(), context))) {
      return List.of();
    }
    String subject = ChangeEffects.asSubject(change.change(), before);
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "change", subject,
                "sites", AccessLabels.codeSites(oldSites),
                "revision", base.revision(),
                "reach", AccessLabels.reach(oldSites)));
    return List.of(
        new Finding(
            metadata().id(),
            metadata().severity(),
            message,
            change.location(),
            oldSites.stream().map(base::site).toList(),
            Fingerprints.of(metadata().id(), subject, change.statement())));
  }
}
