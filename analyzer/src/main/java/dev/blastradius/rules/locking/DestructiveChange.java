package dev.blastradius.rules.locking;

import dev.blastradius.change.DropDatabase;
import dev.blastradius.change.DropTable;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.RenameTable;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/drop-table.md}, {@code rename-table.md}
 * and {@code drop-database.md}. Parameterised by {@code change}. Tables the proposal itself created
 * are fine to drop or rename.
 */
public final class DestructiveChange extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("name", "newName");

  private static final Map<String, Class<? extends SchemaChange>> CHANGES =
      Map.of(
          "drop-database", DropDatabase.class,
          "drop-table", DropTable.class,
          "rename-table", RenameTable.class);

  private final Class<? extends SchemaChange> consumes;

  public DestructiveChange(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.consumes = CHANGES.get(param("change"));
    if (consumes == null) {
      throw new IllegalStateException(metadata.id() + ": params.change is one of " + CHANGES);
    }
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return consumes;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    SchemaChange subject = change.change();
    MigrationSession session = context.session();
    if (!(subject instanceof DropDatabase)
        && session.createdBefore(subject.table(), session.indexOf(change))) {
      return List.of();
    }
    String name =
        subject instanceof DropDatabase drop ? drop.name() : subject.table().displayName();
    String newName = subject instanceof RenameTable rename ? rename.newTable().displayName() : "";
    return List.of(finding(change, name, Map.of("name", name, "newName", newName)));
  }
}
