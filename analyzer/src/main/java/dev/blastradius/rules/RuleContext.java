package dev.blastradius.rules;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.schema.Catalog;
import java.util.Optional;

/**
 * What a rule may consult: the access graph of the code as it is, the schema before the proposed
 * migrations, the proposed migration being checked, and the user's settings.
 */
public record RuleContext(
    ColumnAccessGraph graph, Catalog catalogBefore, Migration migration, RuleSettings settings) {

  /** The statement of the current migration that makes {@code change}. */
  public Optional<MigrationStatement> statementOf(LocatedChange change) {
    return migration.statements().stream()
        .filter(
            s -> s.location().equals(change.location()) && s.changes().contains(change.change()))
        .findFirst();
  }

  /**
   * Whether the migration runs in a transaction by default: {@code --[no-]assume-in-transaction}
   * when given, else the migration tool's behaviour.
   */
  public boolean transactionalByDefault() {
    return settings.assumeInTransaction().orElse(migration.transactional());
  }
}
