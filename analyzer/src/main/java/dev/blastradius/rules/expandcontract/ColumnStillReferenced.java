package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.DropColumn;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.RenameColumn;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link ChangeRule}; see {@code rules/expand-contract/drop-column-still-read.md} and its
 * siblings. Parameterised by {@code change} ({@code drop-column} or {@code rename-column}) and
 * {@code kinds} (the access kinds that make the change unsafe).
 */
public final class ColumnStillReferenced extends ExpandContractRule implements ChangeRule {

  private static final Map<String, Class<? extends SchemaChange>> CHANGES =
      Map.of("drop-column", DropColumn.class, "rename-column", RenameColumn.class);

  private static final Set<String> PLACEHOLDERS = Set.of("column", "newName", "sites", "reach");

  private final Class<? extends SchemaChange> consumes;
  private final Set<AccessKind> kinds;

  public ColumnStillReferenced(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    Object change = metadata().params().get("change");
    this.consumes = CHANGES.get(String.valueOf(change));
    if (consumes == null) {
      throw new IllegalStateException(
          metadata().id() + ": params.change must be one of " + CHANGES.keySet());
    }
    Object kindList = metadata().params().get("kinds");
    if (!(kindList instanceof List<?> names) || names.isEmpty()) {
      throw new IllegalStateException(metadata().id() + ": params.kinds must be a non-empty list");
    }
    this.kinds =
        names.stream()
            .map(n -> AccessKind.valueOf(String.valueOf(n).toUpperCase(Locale.ROOT)))
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return consumes;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    ColumnRef column = subject(change.change());
    List<Access> sites = context.graph().liveCodeAccessesOf(column, kinds);
    if (sites.isEmpty()) {
      return List.of();
    }
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "column", column.displayName(),
                "newName", change.change() instanceof RenameColumn r ? r.to() : "",
                "sites", AccessLabels.count(sites.size(), "code site", "code sites"),
                "reach", AccessLabels.reach(sites)));
    List<RelatedLocation> related =
        sites.stream().map(a -> new RelatedLocation(a.location(), AccessLabels.of(a))).toList();
    return List.of(
        new Finding(
            metadata().id(),
            metadata().severity(),
            message,
            change.location(),
            related,
            Fingerprints.of(metadata().id(), column.displayName(), change.statement())));
  }

  private static ColumnRef subject(SchemaChange change) {
    if (change instanceof DropColumn drop) {
      return drop.column();
    }
    if (change instanceof RenameColumn rename) {
      return rename.oldColumn();
    }
    throw new IllegalStateException(
        "dispatched a " + change.describe() + " to ColumnStillReferenced");
  }
}
