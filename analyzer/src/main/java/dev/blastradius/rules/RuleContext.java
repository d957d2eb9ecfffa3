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
 * @param suppressions the run's suppressions; {@link #graph()} already hides the code sites they
 *     cover for the rule being run
 * @param base the code at {@code --base REV}; empty without {@code --base}
 */
public record RuleContext(
    ColumnAccessGraph graph,
    Catalog catalogBefore,
    Migration migration,
    RuleSettings settings,
    List<Migration> earlierProposed,
    Suppressions suppressions,
    Optional<BaseRevision> base) {

  public RuleContext {
    earlierProposed = List.copyOf(earlierProposed);
  }

  /** A context without suppressions and without {@code --base}. */
  public RuleContext(
      ColumnAccessGraph graph,
      Catalog catalogBefore,
      Migration migration,
      RuleSettings settings,
      List<Migration> earlierProposed) {
    this(graph, catalogBefore, migration, settings, earlierProposed, Suppressions.none());
  }

  /** A context without {@code --base}. */
  public RuleContext(
      ColumnAccessGraph graph,
      Catalog catalogBefore,
      Migration migration,
      RuleSettings settings,
      List<Migration> earlierProposed,
      Suppressions suppressions) {
    this(
        graph, catalogBefore, migration, settings, earlierProposed, suppressions, Optional.empty());
  }

  /** The same context with another graph (one that hides suppressed sites from a rule). */
  public RuleContext withGraph(ColumnAccessGraph other) {
    return new RuleContext(
        other, catalogBefore, migration, settings, earlierProposed, suppressions, base);
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

  /** The schema once this migration has run. */
  public Catalog catalogAfter() {
    Catalog.Builder builder = catalogBefore.toBuilder();
    migration.changes().forEach(c -> c.change().applyTo(builder));
    return builder.build();
  }

  /** The schema as the statement making {@code change} sees it (earlier statements applied). */
  public Catalog catalogAt(LocatedChange change) {
    MigrationSession session = session();
    int index = session.indexOf(change);
    return index < 0 ? catalogBefore : session.catalogBefore(index);
  }

  /** Transactions, session settings and the schema at each statement of the migration. */
  public MigrationSession session() {
    return MigrationSession.of(this);
  }
}
