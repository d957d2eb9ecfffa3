package dev.blastradius.rules.locking;

import dev.blastradius.change.AddEnumValue;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.MigrationStatement;
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
 * A {@link ChangeRule}; see {@code rules/postgres-locking/enum-add-value-in-transaction.md}. Before
 * Postgres 12, {@code ALTER TYPE … ADD VALUE} cannot run in a transaction block at all; from 12 it
 * can, but the new value cannot be used until that transaction commits, so a later statement of the
 * same transaction that names the value fails.
 */
public final class EnumValueInTransaction extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("type", "value", "why");

  public EnumValueInTransaction(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return AddEnumValue.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    AddEnumValue add = (AddEnumValue) change.change();
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    if (index < 0 || !session.inTransaction(index)) {
      return List.of();
    }
    int pg = context.settings().pgMajor();
    String why = pg < 12 ? "Postgres " + pg + " cannot run ADD VALUE in a transaction block" : null;
    if (why == null) {
      int use = firstUse(context.migration().statements(), session, index, add.value());
      if (use < 0) {
        return List.of();
      }
      why =
          "line "
              + context.migration().statements().get(use).location().startLine()
              + " uses it before the transaction commits, which Postgres refuses";
    }
    return List.of(
        finding(
            change,
            add.type().displayName() + "." + add.value(),
            Map.of("type", add.type().displayName(), "value", add.value(), "why", why)));
  }

  /** The first later statement of the same transaction that names the value as a literal. */
  private static int firstUse(
      List<MigrationStatement> statements, MigrationSession session, int index, String value) {
    String literal = "'" + value.replace("'", "''") + "'";
    for (int i = index + 1; i < statements.size(); i++) {
      if (session.sameTransaction(index, i) && statements.get(i).text().contains(literal)) {
        return i;
      }
    }
    return -1;
  }
}
