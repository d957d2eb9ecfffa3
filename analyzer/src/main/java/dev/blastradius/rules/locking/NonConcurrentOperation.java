package dev.blastradius.rules.locking;

import dev.blastradius.change.CreateIndex;
import dev.blastradius.change.DropIndex;
import dev.blastradius.change.LocatedChange;
import dev.blastradius.change.Reindex;
import dev.blastradius.change.SchemaChange;
import dev.blastradius.change.TableOperation;
import dev.blastradius.rules.ChangeRule;
import dev.blastradius.rules.Finding;
import dev.blastradius.rules.MigrationSession;
import dev.blastradius.rules.RuleContext;
import dev.blastradius.rules.RuleMetadata;
import dev.blastradius.schema.TableRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChangeRule}; see {@code rules/postgres-locking/create-index-non-concurrently.md} and its
 * siblings. Parameterised by {@code operation}: {@code create-index}, {@code drop-index}, {@code
 * reindex}, {@code detach-partition} or {@code refresh-materialized-view}, each of which has a
 * {@code CONCURRENTLY} form. The advice depends on the Postgres version: REINDEX CONCURRENTLY needs
 * 12, DETACH PARTITION CONCURRENTLY needs 14.
 */
public final class NonConcurrentOperation extends LockingRule implements ChangeRule {

  private static final Set<String> PLACEHOLDERS = Set.of("object", "table", "advice");

  private static final Map<String, Class<? extends SchemaChange>> CONSUMES =
      Map.of(
          "create-index", CreateIndex.class,
          "drop-index", DropIndex.class,
          "reindex", Reindex.class,
          "detach-partition", TableOperation.class,
          "refresh-materialized-view", TableOperation.class);

  private final String operation;

  public NonConcurrentOperation(RuleMetadata metadata) {
    super(metadata, PLACEHOLDERS);
    this.operation = param("operation");
    if (!CONSUMES.containsKey(operation)) {
      throw new IllegalStateException(metadata.id() + ": unknown params.operation " + operation);
    }
  }

  @Override
  public Class<? extends SchemaChange> consumes() {
    return CONSUMES.get(operation);
  }

  @Override
  public List<Finding> check(LocatedChange change, RuleContext context) {
    SchemaChange subject = change.change();
    String object = object(subject);
    TableRef table = subject.table();
    MigrationSession session = context.session();
    if (object == null || session.createdBefore(table, session.indexOf(change))) {
      return List.of();
    }
    return List.of(
        finding(
            change,
            object,
            Map.of(
                "object", object,
                "table", table.displayName(),
                "advice", advice(context.settings().pgMajor()))));
  }

  /** The index, table or view the non-concurrent operation works on, or null when it is fine. */
  private String object(SchemaChange change) {
    if (change instanceof CreateIndex index && !index.concurrently()) {
      return index.name() == null ? "(unnamed)" : index.name();
    }
    if (change instanceof DropIndex drop && !drop.concurrently()) {
      return drop.name();
    }
    if (change instanceof Reindex reindex && !reindex.concurrently()) {
      return reindex.target() + " " + reindex.name();
    }
    if (change instanceof TableOperation op && !op.detail().contains("concurrently")) {
      if (operation.equals("detach-partition")
          && op.kind() == TableOperation.Kind.DETACH_PARTITION
          && !op.detail().contains("finalize")) {
        return op.detail().split("\\s+", 2)[0];
      }
      if (operation.equals("refresh-materialized-view")
          && op.kind() == TableOperation.Kind.REFRESH_MATERIALIZED_VIEW) {
        return op.table().displayName();
      }
    }
    return null;
  }

  /** What to do instead on this Postgres version. */
  private String advice(int pg) {
    return switch (operation) {
      case "reindex" ->
          pg >= 12
              ? "use REINDEX … CONCURRENTLY, outside a transaction"
              : "Postgres "
                  + pg
                  + " has no REINDEX CONCURRENTLY (12 has): build a new index"
                  + " CONCURRENTLY, then drop the old one CONCURRENTLY";
      case "detach-partition" ->
          pg >= 14
              ? "use DETACH PARTITION … CONCURRENTLY, outside a transaction"
              : "Postgres "
                  + pg
                  + " has no DETACH PARTITION … CONCURRENTLY (14 has): keep the wait"
                  + " short with lock_timeout and retry";
      case "refresh-materialized-view" ->
          "use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a" + " unique index on the view)";
      default -> "use CONCURRENTLY, outside a transaction";
    };
  }
}
