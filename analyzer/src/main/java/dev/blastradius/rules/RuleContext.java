package dev.blastradius.rules;

import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Migration;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.schema.Catalog;
import java.util.List;
import java.util.Optional;

/**
 * What a rule may consult: the access graph of the code as it is, the schema before the migration,
 * the proposed migration being checked, the proposed migrations that run before it, the user's
 * settings, and with {@code --base} the code at the base revision.
 *
 * @param catalogBefore the schema after the applied history and any earlier proposed migration
 * @param earlierProposed the proposed migrations that run before this one, in order
 * @param base the code at {@code --base REV}; empty without {@code --base}
 */
public record RuleContext(
    ColumnAccessGraph graph,
    Catalog catalogBefore,
    Migration migration,
    RuleSettings settings,
    List<Migration> earlierProposed,
    Optional<BaseRevision> base) {

  public RuleContext {
    earlierProposed = List.copyOf(earlierProposed);
  }

  /** The context of a proposed migration without {@code --base}. */
  public RuleContext(
      ColumnAccessGraph graph,
      Catalog catalogBefore,
      Migration migration,
      RuleSettings settings,
      List<Migration> earlierProposed) {
    this(graph, catalogBefore, migration, settings, earlierProposed, Optional.empty());
  }

  /** The context of the first (or only) proposed migration. */
  public RuleContext(
      ColumnAccessGraph graph, Catalog catalogBefore, Migration migration, RuleSettings settings) {
    this(graph, catalogBefore, migration, settings, List.of());
  }

  /** The statement of the current migration that makes {@code change}. */
  public Optional<MigrationStatement> statementOf(LocatedChange change) {
    return migration.statements().stream()
        .filter(
            s -> s.location().equals(change.location()) && s.changes().contains(change.change()))
        .findFirst();
  }

  /**
   * Whether the migration runs in a transaction by default: {@code --[no-]assume-in-transaction}
   * when given, else the migration tool's behaviour (Flyway on Postgres runs a script that holds a
   * statement which cannot run in a transaction block without one).
   */
  public boolean transactionalByDefault() {
    return ToolTransactions.wrapsInTransaction(this);
  }

  /** Transactions, session settings and the schema at each statement of the migration. */
  public MigrationSession session() {
    return MigrationSession.of(this);
  }
}
