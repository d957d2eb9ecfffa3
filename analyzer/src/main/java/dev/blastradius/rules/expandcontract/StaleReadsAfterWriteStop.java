package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AlterColumnType;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.BaseRevision;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.ReleaseContext;
import dev.blastradius.rules.ReleaseRule;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ReleaseRule}; see {@code rules/expand-contract/stale-reads-after-write-stop.md}. Needs
 * {@code --base}: a column stops being written when the code at the base revision wrote it and the
 * new code does not. Columns the release's migrations take away are left to the drop and rename
 * rules. The finding is at the first remaining reader, since no migration statement is at fault.
 */
public final class StaleReadsAfterWriteStop implements ReleaseRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("column", "revision", "writers", "sites", "reach");

  private final RuleMetadata metadata;

  public StaleReadsAfterWriteStop(RuleMetadata metadata) {
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
  public List<Finding> check(ReleaseContext context) {
    if (context.base().isEmpty()) {
      return List.of();
    }
    BaseRevision base = context.base().get();
    Set<ColumnRef> takenAway = takenAway(context.proposed(), base);
    List<Finding> findings = new ArrayList<>();
    for (ColumnRef column : base.graph().columns()) {
      List<Access> oldWriters = ofKind(base.liveAccessesOf(column), AccessKind.WRITE);
      List<Access> now = context.graph().accessesOf(column);
      List<Access> readers = ofKind(now, AccessKind.READ);
      if (column.isTableLevel()
          || oldWriters.isEmpty()
          || readers.isEmpty()
          || !ofKind(now, AccessKind.WRITE).isEmpty()
          || takenAway.contains(column)) {
        continue;
      }
      String message =
          MessageTemplate.format(
              metadata.message(),
              Map.of(
                  "column", column.displayName(),
                  "revision", base.revision(),
                  "writers", AccessLabels.codeSites(oldWriters),
                  "sites", AccessLabels.codeSites(readers),
                  "reach", AccessLabels.reach(readers)));
      List<RelatedLocation> related = new ArrayList<>();
      readers.forEach(a -> related.add(new RelatedLocation(a.location(), AccessLabels.of(a))));
      oldWriters.forEach(a -> related.add(base.site(a)));
      findings.add(
          new Finding(
              metadata.id(),
              metadata.severity(),
              message,
              readers.get(0).location(),
              related,
              Fingerprints.of(metadata.id(), column.displayName(), "")));
    }
    return findings;
  }

  /** Live accesses of one kind. */
  private static List<Access> ofKind(List<Access> accesses, AccessKind kind) {
    return accesses.stream().filter(a -> a.kind() == kind && a.isLiveCodeAccess()).toList();
  }

  /** Every column the proposed migrations drop or rename away. */
  private static Set<ColumnRef> takenAway(List<Migration> proposed, BaseRevision base) {
    Set<ColumnRef> columns = new HashSet<>();
    for (Migration migration : proposed) {
      for (LocatedChange change : migration.changes()) {
        if (!(change.change() instanceof AlterColumnType)) {
          columns.addAll(
              ChangeEffects.takenAway(change.change(), Catalog.empty(), base.graph().columns()));
        }
      }
    }
    return columns;
  }
}
