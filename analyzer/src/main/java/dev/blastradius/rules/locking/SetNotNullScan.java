package dev.blastradius.rules.locking;

import dev.blastradius.change.AlterColumnNullability;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/set-not-null-scans-table.md}. From
 * Postgres 12 a validated {@code CHECK (col IS NOT NULL)} — in the schema before, or added and
 * validated earlier in the migration — spares the scan.
 */
public final class SetNotNullScan extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "table", "hint");

  public SetNotNullScan(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AlterColumnNullability.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AlterColumnNullability nullability = (AlterColumnNullability) change.change();
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    if (!nullability.notNull() || session.createdBefore(nullability.table(), index)) {
      return List.of();
    }
    Catalog catalog = session.catalogBefore(index);
    int pg = context.settings().pgMajor();
    if (PostgresLocks.setNotNullSkipsScan(nullability, catalog, pg)) {
      return List.of();
    }
    String column = nullability.table().column(nullability.column()).displayName();
    String hint =
        PostgresLocks.provingCheck(nullability, catalog).isPresent()
            ? "Postgres "
                + pg
                + " does not use the validated CHECK ("
                + nullability.column()
                + " IS NOT NULL) to skip it; Postgres 12 and later do"
            : "a validated CHECK ("
                + nullability.column()
                + " IS NOT NULL) constraint added beforehand would let Postgres 12+ skip it";
    return List.of(
        finding(
            change,
            column,
            Map.of("column", column, "table", nullability.table().displayName(), "hint", hint)));
  }
}
