package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.BaseRevision;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/expand-contract/same-release-drop.md}. Needs {@code
 * --base}: a drop is a same-release drop when the code at the base revision uses the column (or
 * table) and the new code no longer does.
 */
public final class SameReleaseDrop extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "sites", "revision", "reach");

  public SameReleaseDrop(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    if (context.base().isEmpty() || !isDrop(change.change())) {
      return List.of();
    }
    BaseRevision base = context.base().get();
    List<ColumnRef> columns =
        ChangeEffects.takenAway(change.change(), base.catalog(), base.graph().columns());
    List<Access> oldSites = columns.stream().flatMap(c -> base.liveAccessesOf(c).stream()).toList();
    if (oldSites.isEmpty() || usedByNewCode(change.change(), context)) {
      return List.of();
    }
    String subject = subject(change.change());
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "column", subject,
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

  /**
   * Whether the new code still uses what {@code change} takes away: then the drop is not the
   * release's own doing, and the still-read and still-written rules report it.
   */
  static boolean usedByNewCode(SchemaChange change, RuleContext context) {
    return ChangeEffects.takenAway(change, context.catalogBefore(), context.graph().columns())
        .stream()
        .flatMap(c -> context.graph().accessesOf(c).stream())
        .anyMatch(Access::isLiveCodeAccess);
  }

  static boolean isDrop(SchemaChange change) {
    return change instanceof DropColumn || change instanceof DropTable;
  }

  private static String subject(SchemaChange change) {
    return change instanceof DropColumn drop
        ? drop.column().displayName()
        : "table " + change.table().displayName();
  }
}
