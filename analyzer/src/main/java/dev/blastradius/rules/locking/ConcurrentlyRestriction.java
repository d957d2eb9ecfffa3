package dev.blastradius.rules.locking;

import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.MigrationStatement;
import dev.blastradius.change.Reindex;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/concurrently-in-transaction.md} and
 * {@code concurrently-unsupported-version.md}. Parameterised by {@code restriction}: {@code
 * transaction} (CREATE/DROP INDEX, REINDEX and DETACH PARTITION … CONCURRENTLY cannot run in a
 * transaction block) or {@code version} (REINDEX CONCURRENTLY needs Postgres 12, DETACH PARTITION …
 * CONCURRENTLY needs 14).
 */
public final class ConcurrentlyRestriction extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("operation", "why", "version");

  private final boolean transaction;

  public ConcurrentlyRestriction(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    String restriction = param("restriction");
    if (!restriction.equals("transaction") && !restriction.equals("version")) {
      throw new IllegalStateException(metadata.id() + ": unknown params.restriction");
    }
    this.transaction = restriction.equals("transaction");
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return SchemaChange.class;
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    String operation = concurrentOperation(change.change());
    if (operation == null) {
      return List.of();
    }
    int pg = context.settings().pgMajor();
    if (!transaction) {
      int needs = operation.startsWith("REINDEX") ? 12 : operation.startsWith("DETACH") ? 14 : 0;
      if (pg >= needs) {
        return List.of();
      }
      return List.of(
          finding(
              change,
              operation,
              Map.of(
                  "operation",
                  operation,
                  "why",
                  "the target is Postgres " + pg,
                  "version",
                  String.valueOf(needs))));
    }
    MigrationSession session = context.session();
    int index = session.indexOf(change);
    if (index < 0 || !session.inTransaction(index)) {
      return List.of();
    }
    return List.of(
        finding(
            change,
            operation,
            Map.of(
                "operation", operation,
                "why", why(context, session, index),
                "version", String.valueOf(pg))));
  }

  /** Who opened the transaction the statement runs in. */
  private static String why(RuleContext context, MigrationSession session, int index) {
    if (session.transaction(index) == 0) {
      return context.settings().assumeInTransaction().isPresent()
          ? "--assume-in-transaction says the migration runs in one"
          : context.migration().tool() + " runs this migration in one";
    }
    List<MigrationStatement> statements = context.migration().statements();
    for (int i = index; i >= 0; i--) {
      if (statements.get(i).transactionCommand().orElse("").equals("BEGIN")
          && session.transaction(i) == session.transaction(index)) {
        return "the BEGIN on line " + statements.get(i).location().startLine() + " opened one";
      }
    }
    return "it runs in one";
  }

  /** "CREATE INDEX CONCURRENTLY users_email_idx" for concurrent operations, else null. */
  private static String concurrentOperation(SchemaChange change) {
    if (change instanceof CreateIndex index && index.concurrently()) {
      return "CREATE INDEX CONCURRENTLY" + (index.name() == null ? "" : " " + index.name());
    }
    if (change instanceof DropIndex drop && drop.concurrently()) {
      return "DROP INDEX CONCURRENTLY " + drop.name();
    }
    if (change instanceof Reindex reindex && reindex.concurrently()) {
      return "REINDEX CONCURRENTLY " + reindex.name();
    }
    if (change instanceof TableOperation op
        && op.kind() == TableOperation.Kind.DETACH_PARTITION
        && op.detail().contains("concurrently")) {
      return "DETACH PARTITION " + op.detail().split("\\s+", 2)[0] + " CONCURRENTLY";
    }
    return null;
  }
}
