package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.BaseRevision;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.Fingerprints;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.ColumnRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link MigrationRule}; see {@code rules/expand-contract/reads-switched-before-backfill.md}.
 * Needs {@code --base}: a read is switched in this release when the new code reads the column by
 * name and the code at the base revision did not. Whole-row reads ({@code SELECT *}, entity loads)
 * pick up a new column without anyone reading it on purpose, so they do not count.
 */
public final class ReadsSwitchedBeforeBackfill extends ExpandContractRule implements MigrationRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "how", "sites", "reach");

  public ReadsSwitchedBeforeBackfill(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  /** Where a column gets its values in this release: the statement that adds or backfills it. */
  private record Filling(String how, MigrationStatement statement) {}

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.base().isEmpty()) {
      return List.of();
    }
    BaseRevision base = context.base().get();
    Set<ColumnRef> filledEarlier = new HashSet<>();
    context.earlierProposed().forEach(m -> filledEarlier.addAll(fillings(m).keySet()));
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<ColumnRef, Filling> entry : fillings(context.migration()).entrySet()) {
      ColumnRef column = entry.getKey();
      List<Access> reads = namedReads(context.graph().accessesOf(column));
      if (filledEarlier.contains(column)
          || reads.isEmpty()
          || !namedReads(base.liveAccessesOf(column)).isEmpty()) {
        continue;
      }
      MigrationStatement statement = entry.getValue().statement();
      String message =
          MessageTemplate.format(
              metadata().message(),
              Map.of(
                  "column", column.displayName(),
                  "how", entry.getValue().how(),
                  "sites", AccessLabels.codeSites(reads),
                  "reach", AccessLabels.reach(reads)));
      findings.add(
          new Finding(
              metadata().id(),
              metadata().severity(),
              message,
              statement.location(),
              reads.stream()
                  .map(a -> new RelatedLocation(a.location(), AccessLabels.of(a)))
                  .toList(),
              Fingerprints.of(metadata().id(), column.displayName(), statement.text())));
    }
    return findings;
  }

  /**
   * The columns a migration adds without a default (existing rows hold NULL) or writes values to,
   * each at its first such statement.
   */
  private static Map<ColumnRef, Filling> fillings(Migration migration) {
    Map<ColumnRef, Filling> fillings = new LinkedHashMap<>();
    for (MigrationStatement statement : migration.statements()) {
      for (SchemaChange change : statement.changes()) {
        if (change instanceof AddColumn add && withoutDefault(add)) {
          fillings.putIfAbsent(add.column(), new Filling("added", statement));
        }
      }
      for (ColumnRef column : statement.writes()) {
        fillings.putIfAbsent(column, new Filling("backfilled", statement));
      }
    }
    return fillings;
  }

  private static boolean withoutDefault(AddColumn add) {
    String value = add.definition().defaultExpression();
    return value == null || value.strip().toLowerCase(Locale.ROOT).equals("null");
  }

  /** Live reads that name the column. */
  private static List<Access> namedReads(List<Access> accesses) {
    return accesses.stream()
        .filter(a -> a.kind() == AccessKind.READ && !a.implicit())
        .filter(Access::isLiveCodeAccess)
        .toList();
  }
}
