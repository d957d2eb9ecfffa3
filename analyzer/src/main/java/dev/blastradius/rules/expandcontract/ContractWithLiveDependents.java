package dev.blastradius.rules.expandcontract;

import dev.blastradius.change.DropColumn;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.graph.Access;
import dev.blastradius.graph.AccessKind;
import dev.blastradius.graph.Via;
import dev.blastradius.rules.AccessLabels;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MessageTemplate;
import dev.blastradius.rules.RelatedLocation;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code contract-with-live-dependents}: a column or table is dropped while objects in the database
 * depend on it. Views that read it make the drop fail (or, with {@code CASCADE}, disappear with it,
 * breaking their readers); functions and trigger functions whose bodies use it are not tracked by
 * the database at all and fail the next time they run. Views are found in the replayed schema,
 * function bodies in the graph (accesses of our PL/pgSQL reader).
 */
public final class ContractWithLiveDependents extends ExpandContractRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("subject", "dependents", "names");

  public ContractWithLiveDependents(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    String subject;
    TableRef table;
    Predicate<ColumnRef> depends;
    if (change.change() instanceof DropColumn drop) {
      subject = drop.column().displayName();
      table = drop.table();
      depends = c -> c.equals(drop.column()) || c.equals(table.column(ColumnRef.TABLE_LEVEL));
    } else if (change.change() instanceof DropTable drop) {
      subject = drop.table().displayName();
      table = drop.table();
      depends = c -> c.tableRef().equals(drop.table());
    } else {
      return List.of();
    }
    Set<String> names = new TreeSet<>();
    List<RelatedLocation> related = new ArrayList<>();
    for (Catalog.Table view : context.catalogAt(change).tables()) {
      if (!view.view() || view.ref().equals(table)) {
        continue;
      }
      boolean reads =
          view.sources().filters().stream().anyMatch(depends)
              || view.sources().columns().values().stream().flatMap(List::stream).anyMatch(depends);
      if (reads) {
        names.add("view " + view.ref().displayName());
      }
    }
    // Views have no location of their own in the catalog; their reads are accesses via VIEW in
    // the migrations that create them.
    for (Access access : context.graph().accesses()) {
      if (!depends.test(access.column()) || access.kind() == AccessKind.DDL) {
        continue;
      }
      if (access.via() == Via.PLPGSQL) {
        names.add("function or trigger body at " + access.location().shortForm());
        related.add(
            new RelatedLocation(access.location(), "function body: " + AccessLabels.of(access)));
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    String message =
        MessageTemplate.format(
            metadata().message(),
            Map.of(
                "subject", subject,
                "dependents",
                    AccessLabels.count(names.size(), "database object", "database objects"),
                "names", String.join(", ", names)));
    return List.of(finding(change.location(), subject, change.statement(), message, related));
  }
}
