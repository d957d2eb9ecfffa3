package dev.blastradius.rules.locking;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.ValidateConstraint;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code
 * rules/postgres-locking/validate-constraint-in-same-transaction.md}. Fires when an earlier
 * statement of the same transaction took a lock on the table that blocks writes (typically the
 * {@code ADD CONSTRAINT … NOT VALID} itself): locks are held until commit.
 */
public final class ValidateInSameTransaction extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS =
      Set.of("constraint", "table", "line", "lock", "blocked");

  public ValidateInSameTransaction(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return ValidateConstraint.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    ValidateConstraint validate = (ValidateConstraint) change.change();
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    if (index < 0
        || !session.inTransaction(index)
        || session.createdBefore(validate.table(), index)) {
      return List.of();
    }
    List<MigrationStatement> statements = context.migration().statements();
    int pg = context.settings().pgMajor();
    for (int earlier = 0; earlier < index; earlier++) {
      if (!session.sameTransaction(earlier, index)) {
        continue;
      }
      for (SchemaChange held : statements.get(earlier).changes()) {
        for (TableLock lock : PostgresLocks.of(held, pg, session.catalogBefore(earlier))) {
          if (lock.table().equals(validate.table()) && lock.mode().blocksWrites()) {
            return List.of(
                finding(
                    change,
                    validate.table().displayName() + "." + validate.name(),
                    Map.of(
                        "constraint", validate.name(),
                        "table", validate.table().displayName(),
                        "line", String.valueOf(statements.get(earlier).location().startLine()),
                        "lock", lock.mode().displayName(),
                        "blocked", lock.mode().blocked())));
          }
        }
      }
    }
    return List.of();
  }
}
