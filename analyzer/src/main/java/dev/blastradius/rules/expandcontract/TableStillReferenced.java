package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.DropTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableRebuilds;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.TableRef;
import dev.blastradius.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code drop-table-still-referenced} and {@code rename-table-still-referenced}: a table dropped or
 * renamed while live code reads or writes any of its columns (or the table as a whole: {@code
 * DELETE}, {@code count(*)}). One related location per code site, listing what the site does.
 */
public final class TableStillReferenced extends ExpandContractRule implements ChangeRule {

  private static final Map<String, Class<? extends SchemaChange>> CHANGES =
      Map.of("drop-table", DropTable.class, "rename-table", RenameTable.class);

  private static final Set<String> PLACEHOLDERS = Set.of("table", "newName", "sites", "reach");

  private final Class<? extends SchemaChange> consumes;

  public TableStillReferenced(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.consumes = CHANGES.get(String.valueOf(metadata().params().get("change")));
    if (consumes == null) {
      throw new IllegalStateException(
          metadata().id() + ": params.change must be one of " + CHANGES.keySet());
    }
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return consumes;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    TableRef table =
        change.change() instanceof DropTable drop
            ? drop.table()
            : ((RenameTable) change.change()).table();
    if (change.change() instanceof RenameTable && context.catalogAfter().table(table).isPresent()) {
      // The migration puts something back under the old name: a compatibility view, the safe way.
      return List.of();
    }
    if (change.change() instanceof DropTable
        && TableRebuilds.rebuilds(context.migration(), table)) {
      // A rebuild: the columns it loses are DropColumn changes of their own, judged by those rules.
      return List.of();
    }
    List<Access> accesses =
        context.graph().accesses().stream()
            .filter(a -> a.column().tableRef().equals(table))
            .filter(Access::isLiveCodeAccess)
            .toList();
    if (accesses.isEmpty()) {
      return List.of();
    }
    Map<Location, List<Access>> bySite = new TreeMap<>();
    accesses.forEach(a -> bySite.computeIfAbsent(a.location(), k -> new ArrayList<>()).add(a));
    List<RelatedLocation> related = new ArrayList<>();
    bySite.forEach(
        (location, here) -> related.add(new RelatedLocation(location, label(table, here))));
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "table", table.displayName(),
                "newName",
                    change.change() instanceof RenameTable rename
                        ? rename.newTable().displayName()
                        : "",
                "sites", AccessLabels.count(bySite.size(), "code site", "code sites"),
                "reach", AccessLabels.reach(accesses)));
    return List.of(
        finding(change.location(), table.displayName(), change.statement(), message, related));
  }

  /** {@code users read and written (name, email) by http GET /users}. */
  private static String label(TableRef table, List<Access> here) {
    Set<AccessKind> kinds = here.stream().map(Access::kind).collect(Collectors.toSet());
    String what =
        kinds.contains(AccessKind.READ) && kinds.contains(AccessKind.WRITE)
            ? "read and written"
            : kinds.contains(AccessKind.WRITE) ? "written" : "read";
    String columns =
        here.stream()
            .map(a -> a.column().column())
            .distinct()
            .sorted()
            .collect(Collectors.joining(", "));
    List<dev.blastradius.graph.EntryPoint> entryPoints =
        here.stream().flatMap(a -> a.entryPoints().stream()).distinct().sorted().toList();
    return table.displayName()
        + " "
        + what
        + " ("
        + columns
        + ") "
        + AccessLabels.reachedFrom(entryPoints);
  }
}
