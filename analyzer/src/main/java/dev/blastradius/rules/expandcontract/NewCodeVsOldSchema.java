package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.CreateTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/expand-contract/new-code-vs-old-schema.md}. Needs {@code
 * --base}: only then is the code in the working tree known to be the release that ships with the
 * migration rather than code already running.
 */
public final class NewCodeVsOldSchema extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("subject", "sites", "reach");

  public NewCodeVsOldSchema(RuleMetadata metadata) {
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
    MigrationSession session = context.session();
    Catalog before = session.catalogBefore(session.indexOf(change));
    List<ColumnRef> columns =
        ChangeEffects.introduced(change.change(), before, context.graph().columns());
    List<Access> sites =
        columns.stream()
            .flatMap(c -> context.graph().accessesOf(c).stream())
            .filter(Access::isLiveCodeAccess)
            .toList();
    if (sites.isEmpty()) {
      return List.of();
    }
    String subject = subject(change.change(), columns);
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "subject", subject,
                "sites", AccessLabels.codeSites(sites),
                "reach", AccessLabels.reach(sites)));
    return List.of(
        new Finding(
            metadata().id(),
            metadata().severity(),
            message,
            change.location(),
            sites.stream().map(a -> new RelatedLocation(a.location(), AccessLabels.of(a))).toList(),
            Fingerprints.of(metadata().id(), subject, change.statement())));
  }

  /** {@code users.first_name}, or {@code table audit_log} for a created or renamed table. */
  private static String subject(SchemaChange change, List<ColumnRef> columns) {
    if (change instanceof RenameTable rename) {
      return "table " + rename.newTable().displayName();
    }
    if (change instanceof CreateTable) {
      return "table " + change.table().displayName();
    }
    return columns.get(0).displayName();
  }
}
