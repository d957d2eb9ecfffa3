package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.AddColumn;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.RowUpdate;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.Via;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ColumnPair;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationRule;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code dual-write-gap}: a column is being replaced, and some code writes the old column without
 * the new one, so rows it writes after the backfill leave the replacement stale or empty. Pairs
 * come from {@code pairs:} in {@code blastradius.yaml} and from the release itself: a column added
 * in the release and backfilled from other columns of its table ({@code UPDATE users SET full_name
 * = first_name || ' ' || last_name}) replaces those. A trigger on the table that writes the new
 * column keeps it in sync, so its pairs have no gap.
 *
 * <p>Writers are compared per statement, and a write of the new column elsewhere in the same file
 * with the same entry points (two statements in one method) counts as dual-writing.
 */
public final class DualWriteGap extends ExpandContractRule implements MigrationRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("old", "replacement", "source", "writers", "reach");

  public DualWriteGap(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public boolean wholeRelease() {
    return true;
  }

  /** A pair with where it comes from, as the message says it and as the finding is anchored. */
  private record Source(ColumnPair pair, String said, String fingerprintText) {}

  @Override
  public List<Finding> check(RuleContext context) {
    List<Source> sources = new ArrayList<>();
    for (ColumnPair pair : context.settings().pairs()) {
      sources.add(
          new Source(
              pair,
              "declared in " + pair.declared().path() + " (pairs)",
              "pairs " + pair.old().displayName()));
    }
    sources.addAll(backfilledPairs(context));
    Catalog after = context.catalogAfter();
    List<Finding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Source source : sources) {
      ColumnPair pair = source.pair();
      if (!seen.add(pair.old() + "->" + pair.replacements())) {
        continue;
      }
      List<ColumnRef> replacements =
          pair.replacements().stream().filter(r -> !syncedByTrigger(r, after, context)).toList();
      if (replacements.isEmpty()) {
        continue;
      }
      gapFinding(source, replacements, context).ifPresent(findings::add);
    }
    return findings;
  }

  private java.util.Optional<Finding> gapFinding(
      Source source, List<ColumnRef> replacements, RuleContext context) {
    ColumnPair pair = source.pair();
    List<Access> writes =
        context.graph().accesses().stream()
            .filter(a -> a.kind() == AccessKind.WRITE)
            .filter(Access::isLiveCodeAccess)
            .toList();
    Map<Location, List<Access>> oldWriters = new TreeMap<>();
    writes.stream()
        .filter(a -> a.column().equals(pair.old()))
        .forEach(a -> oldWriters.computeIfAbsent(a.location(), k -> new ArrayList<>()).add(a));
    List<Access> gaps = new ArrayList<>();
    List<RelatedLocation> related = new ArrayList<>();
    Set<ColumnRef> missingAnywhere = new java.util.TreeSet<>();
    oldWriters.forEach(
        (location, atSite) -> {
          List<EntryPoint> entryPoints =
              atSite.stream().flatMap(a -> a.entryPoints().stream()).distinct().sorted().toList();
          List<ColumnRef> missing =
              replacements.stream()
                  .filter(r -> !writtenAlongside(r, location, entryPoints, writes))
                  .toList();
          if (!missing.isEmpty()) {
            missingAnywhere.addAll(missing);
            gaps.add(atSite.get(0));
            related.add(
                new RelatedLocation(
                    location,
                    pair.old().displayName()
                        + " written without "
                        + String.join(", ", missing.stream().map(ColumnRef::displayName).toList())
                        + " "
                        + AccessLabels.reachedFrom(entryPoints)));
          }
        });
    if (gaps.isEmpty()) {
      return java.util.Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("old", pair.old().displayName());
    values.put(
        "replacement",
        String.join(", ", missingAnywhere.stream().map(ColumnRef::displayName).toList()));
    values.put("source", source.said());
    values.put("writers", AccessLabels.count(gaps.size(), "code site writes", "code sites write"));
    values.put("reach", AccessLabels.reach(gaps));
    return java.util.Optional.of(
        finding(
            pair.declared(), pair.old().displayName(), source.fingerprintText(), values, related));
  }

  /**
   * Whether {@code column} is written at {@code location}, or in the same file by the same callers.
   */
  private static boolean writtenAlongside(
      ColumnRef column, Location location, List<EntryPoint> entryPoints, List<Access> writes) {
    return writes.stream()
        .filter(a -> a.column().equals(column))
        .anyMatch(
            a ->
                a.location().equals(location)
                    || a.location().path().equals(location.path())
                        && a.entryPoints().stream()
                            .distinct()
                            .sorted()
                            .toList()
                            .equals(entryPoints));
  }

  /** Whether a trigger on the column's table writes it (a sync trigger). */
  private static boolean syncedByTrigger(ColumnRef column, Catalog after, RuleContext context) {
    boolean hasTrigger =
        after.triggers().stream().anyMatch(t -> t.table().equals(column.tableRef()));
    return hasTrigger
        && context.graph().accesses().stream()
            .anyMatch(
                a ->
                    a.kind() == AccessKind.WRITE
                        && a.via() == Via.PLPGSQL
                        && a.column().equals(column));
  }

  /**
   * Pairs the release makes: a column it adds, then backfills from other columns of the same table.
   * Each column read by the backfill is replaced by the added one.
   */
  private static List<Source> backfilledPairs(RuleContext context) {
    List<Migration> release = new ArrayList<>(context.earlierProposed());
    release.add(context.migration());
    Set<ColumnRef> added = new HashSet<>();
    List<Source> found = new ArrayList<>();
    for (Migration migration : release) {
      for (MigrationStatement statement : migration.statements()) {
        for (SchemaChange change : statement.changes()) {
          if (change instanceof AddColumn add) {
            added.add(add.column());
          }
        }
        if (statement.rowUpdate().isEmpty()) {
          continue;
        }
        RowUpdate update = statement.rowUpdate().get();
        for (RowUpdate.Assignment assignment : update.sets()) {
          ColumnRef target = update.table().column(assignment.column());
          if (!added.contains(target)) {
            continue;
          }
          for (String read : new java.util.TreeSet<>(assignment.reads())) {
            if (read.equals(assignment.column())) {
              continue;
            }
            found.add(
                new Source(
                    new ColumnPair(
                        update.table().column(read), List.of(target), statement.location()),
                    "backfilled from it at line " + statement.location().startLine(),
                    statement.text()));
          }
        }
      }
    }
    return found;
  }
}
