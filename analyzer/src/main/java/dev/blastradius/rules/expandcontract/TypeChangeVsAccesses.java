package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code type-change-vs-accesses}: a column's type changes in a way code notices. A narrowing
 * change (shorter varchar, smaller integer, less precision) breaks writers whose values no longer
 * fit; an incompatible one (another family: text to integer, timestamp to timestamptz) breaks
 * readers, who get another type, and writers, whose parameters no longer convert. Widening changes
 * and the same type under another spelling are fine. The old type comes from the replayed schema;
 * when it is unknown the change is not judged.
 */
public final class TypeChangeVsAccesses extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("column", "from", "to", "how", "sites", "doing", "reach");

  public TypeChangeVsAccesses(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AlterColumnType.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AlterColumnType alter = (AlterColumnType) change.change();
    ColumnRef column = alter.table().column(alter.column());
    Optional<Catalog.Column> before =
        context.catalogAt(change).table(alter.table()).flatMap(t -> t.column(alter.column()));
    if (before.isEmpty() || before.get().type().isEmpty()) {
      return List.of();
    }
    String from = before.get().type();
    TypeCompatibility.Change verdict = TypeCompatibility.of(from, alter.newType());
    Set<AccessKind> breaking =
        switch (verdict) {
          case SAME, WIDENING -> Set.of();
          case NARROWING -> Set.of(AccessKind.WRITE);
          case INCOMPATIBLE -> Set.of(AccessKind.READ, AccessKind.WRITE);
        };
    List<Access> sites = context.graph().liveCodeAccessesOf(column, breaking);
    if (sites.isEmpty()) {
      return List.of();
    }
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "column", column.displayName(),
                "from", from,
                "to", alter.newType(),
                "how",
                    verdict == TypeCompatibility.Change.NARROWING
                        ? "narrows"
                        : "changes the type family",
                "sites", AccessLabels.count(sites.size(), "code site", "code sites"),
                "doing",
                    verdict == TypeCompatibility.Change.NARROWING
                        ? "writing values that may no longer fit"
                        : "reading or writing it as " + from,
                "reach", AccessLabels.reach(sites)));
    List<RelatedLocation> related =
        sites.stream().map(a -> new RelatedLocation(a.location(), AccessLabels.of(a))).toList();
    return List.of(
        finding(change.location(), column.displayName(), change.statement(), message, related));
  }
}
