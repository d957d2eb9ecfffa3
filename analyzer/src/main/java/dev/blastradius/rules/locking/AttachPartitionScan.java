package dev.blastradius.rules.locking;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/attach-partition-without-check.md}. The
 * scan is skipped when the table being attached has a validated CHECK constraint (in the schema
 * before, or added and validated earlier in the migration) — we trust it to match the bounds, which
 * we cannot prove — or when the proposal created the table (it is empty). Before Postgres 12 the
 * partitioned table itself is locked ACCESS EXCLUSIVE during the scan.
 */
public final class AttachPartitionScan extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("partition", "table", "parent");

  public AttachPartitionScan(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return TableOperation.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    TableOperation attach = (TableOperation) change.change();
    if (attach.kind() != TableOperation.Kind.ATTACH_PARTITION) {
      return List.of();
    }
    TableRef partition = PostgresLocks.partitionOf(attach);
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    Catalog catalog = session.catalogBefore(index);
    boolean checked = catalog.checks(partition).stream().anyMatch(Catalog.Check::validated);
    if (checked || session.createdBefore(partition, index)) {
      return List.of();
    }
    int pg = context.settings().pgMajor();
    String parent =
        pg >= 12
            ? "while " + attach.table().displayName() + " itself stays readable and writable"
            : "and Postgres "
                + pg
                + " also holds ACCESS EXCLUSIVE on "
                + attach.table().displayName()
                + " meanwhile, blocking reads and writes of every partition";
    return List.of(
        finding(
            change,
            partition.displayName(),
            Map.of(
                "partition", partition.displayName(),
                "table", attach.table().displayName(),
                "parent", parent)));
  }
}
