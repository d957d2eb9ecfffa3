package dev.blastradius.rules.locking;

import dev.blastradius.change.CreateTrigger;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/create-trigger-on-hot-table.md}. "Hot"
 * means the graph shows live code writing the table: those writers wait for the trigger's SHARE ROW
 * EXCLUSIVE lock, and afterwards run the trigger. The writers are the related locations.
 */
public final class TriggerOnHotTable extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("trigger", "table", "writers", "reach");

  public TriggerOnHotTable(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return CreateTrigger.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    CreateTrigger trigger = (CreateTrigger) change.change();
    MigrationSession session = context.session();
    if (session.createdBefore(trigger.table(), session.indexOf(change))) {
      return List.of();
    }
    List<Access> writers =
        context.graph().accesses().stream()
            .filter(a -> a.column().tableRef().equals(trigger.table()))
            .filter(a -> a.kind() == AccessKind.WRITE)
            .filter(Access::isLiveCodeAccess)
            .toList();
    if (writers.isEmpty()) {
      return List.of();
    }
    List<EntryPoint> entryPoints =
        writers.stream().flatMap(a -> a.entryPoints().stream()).distinct().sorted().toList();
    String reach =
        entryPoints.isEmpty()
            ? "no known entry point reaches them"
            : "reached from " + AccessLabels.listed(entryPoints);
    // One related location per writing site, however many columns it writes.
    Map<Location, List<EntryPoint>> sites = new TreeMap<>();
    for (Access writer : writers) {
      sites.computeIfAbsent(writer.location(), l -> new ArrayList<>()).addAll(writer.entryPoints());
    }
    List<RelatedLocation> related = new ArrayList<>();
    sites.forEach(
        (location, reachedFrom) ->
            related.add(
                new RelatedLocation(
                    location,
                    trigger.table().displayName()
                        + " written "
                        + AccessLabels.reachedFrom(
                            reachedFrom.stream().distinct().sorted().toList()))));
    return List.of(
        finding(
            change,
            trigger.table().displayName() + "." + trigger.name(),
            Map.of(
                "trigger", trigger.name(),
                "table", trigger.table().displayName(),
                "writers", AccessLabels.count(sites.size(), "code site", "code sites"),
                "reach", reach),
            related));
  }
}
