package dev.blastradius.rules.locking;

import dev.blastradius.change.AlterColumnType;
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
 * A {@link ChangeRule}; see {@code rules/postgres-locking/change-column-type-rewrites-table.md}.
 * Binary-coercible changes (a longer varchar, varchar to text, more numeric precision) are fine; a
 * column whose old type the catalog does not know is assumed to need a rewrite.
 */
public final class ColumnTypeRewrite extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("column", "table", "from", "to");

  public ColumnTypeRewrite(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AlterColumnType.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AlterColumnType type = (AlterColumnType) change.change();
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    Catalog catalog = session.catalogBefore(index);
    if (session.createdBefore(type.table(), index) || !PostgresLocks.rewritesTable(type, catalog)) {
      return List.of();
    }
    String column = type.table().column(type.column()).displayName();
    return List.of(
        finding(
            change,
            column,
            Map.of(
                "column", column,
                "table", type.table().displayName(),
                "from", PostgresLocks.oldType(type, catalog).orElse("its current type"),
                "to", type.newType())));
  }
}
